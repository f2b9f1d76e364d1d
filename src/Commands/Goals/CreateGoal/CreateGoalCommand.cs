using Lifestyle.Commands.Common;

namespace Lifestyle.Commands.Goals.CreateGoal;

/// <summary>POST /v1/goals. Template fields fill what the body leaves out.</summary>
public sealed record CreateGoalCommand(
    CommandMetadata Meta,
    string? Title,
    string? Pattern,
    decimal? Target,
    string? Unit,
    int? TimesPerWeek,
    IReadOnlyList<decimal>? Milestones,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Timezone,
    string? TemplateId) : IGoalCommand
{
    /// <summary>The new goal's id, chosen once when the command is made, so every retry creates the same goal.</summary>
    public string GoalId { get; } = Guid.CreateVersion7().ToString("N");
}
