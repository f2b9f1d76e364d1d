namespace Lifestyle.Domain.Goals;

/// <summary>The changeable part of a goal. The pattern is fixed at creation.</summary>
public sealed record GoalDefinition(
    string Title,
    decimal Target,
    string? Unit,
    int? TimesPerWeek,
    IReadOnlyList<decimal>? Milestones,
    DateOnly? EndDate)
{
    public bool Equals(GoalDefinition? other) =>
        other is not null
        && Title == other.Title
        && Target == other.Target
        && Unit == other.Unit
        && TimesPerWeek == other.TimesPerWeek
        && EndDate == other.EndDate
        && (Milestones ?? []).SequenceEqual(other.Milestones ?? []);

    public override int GetHashCode() => HashCode.Combine(Title, Target, Unit, TimesPerWeek, EndDate);

    /// <summary>The amount <c>progress.percent</c> is measured against.</summary>
    public decimal ProgressTarget(GoalPattern pattern) =>
        pattern == GoalPattern.Weekly ? TimesPerWeek ?? 0 : Target;
}
