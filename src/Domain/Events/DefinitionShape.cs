using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Events;

/// <summary>The stored shape of a goal definition (schema 1), shared by the payloads and the head that carry one.</summary>
public sealed record DefinitionShape(
    string Title, decimal Target, string? Unit, int? TimesPerWeek, IReadOnlyList<decimal>? Milestones, DateOnly? EndDate)
{
    public static DefinitionShape From(GoalDefinition d) => new(d.Title, d.Target, d.Unit, d.TimesPerWeek, d.Milestones, d.EndDate);

    public GoalDefinition ToDefinition() => new(Title, Target, Unit, TimesPerWeek, Milestones, EndDate);
}
