using Lifestyle.Commands.Common;

namespace Lifestyle.Commands.Goals.UpdateGoal;

/// <summary>PATCH /v1/goals/{goalId}: null members stay as they are; the pattern never changes.</summary>
public sealed record UpdateGoalCommand(
    CommandMetadata Meta,
    string GoalId,
    string? Title,
    decimal? Target,
    string? Unit,
    int? TimesPerWeek,
    IReadOnlyList<decimal>? Milestones,
    DateOnly? EndDate) : IGoalCommand;
