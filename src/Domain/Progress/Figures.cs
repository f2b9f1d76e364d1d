namespace Lifestyle.Domain.Progress;

/// <summary><c>progress</c> of a GoalView (docs/product-rules.md §4–5).</summary>
public sealed record ProgressFigures(
    string Period, DateOnly PeriodStart, decimal Current, decimal Target, decimal? Percent, bool TargetReached,
    decimal Total, long LogCount);

/// <summary><c>streak</c> of a GoalView; null for total and milestones goals.</summary>
public sealed record StreakFigures(int Current, int Longest, string Unit, bool AtRisk);

public sealed record GoalFigures(DateOnly Today, ProgressFigures Progress, StreakFigures? Streak);

/// <summary>One item of <c>/days</c>; <c>Met</c> is null for patterns without a daily target.</summary>
public sealed record DayFigures(DateOnly Date, decimal Total, int LogCount, bool? Met);

/// <summary>One item of <c>/weeks</c>; <c>Met</c> is null for total and milestones goals.</summary>
public sealed record WeekFigures(string Week, decimal Total, int LogCount, int ActiveDays, int DaysMet, bool? Met);
