namespace Lifestyle.Domain.Insights;

/// <summary>
/// One goal's insight over its window (see docs/insights.md). <c>MetRate</c> is a share 0..1; it, the weekdays
/// and the suggestion are null for total and milestones goals and for a goal with no complete day yet.
/// </summary>
public sealed record GoalInsight(
    string GoalId,
    string Pattern,
    DateOnly AsOf,
    int Days,
    int DaysMet,
    decimal? MetRate,
    string? Trend,
    string? BestWeekday,
    string? WorstWeekday,
    Suggestion? Suggestion);

/// <summary>What the insight proposes: <c>lower-target</c>, <c>raise-target</c>, <c>switch-to-weekly</c> or <c>keep-going</c>.</summary>
public sealed record Suggestion(string Kind, decimal? ProposedTarget, string Reason);

public static class SuggestionKinds
{
    public const string LowerTarget = "lower-target";
    public const string RaiseTarget = "raise-target";
    public const string SwitchToWeekly = "switch-to-weekly";
    public const string KeepGoing = "keep-going";
}

public static class Trends
{
    public const string Rising = "rising";
    public const string Steady = "steady";
    public const string Falling = "falling";
}
