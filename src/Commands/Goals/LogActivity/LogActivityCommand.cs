using Lifestyle.Commands.Common;

namespace Lifestyle.Commands.Goals.LogActivity;

/// <summary>POST /v1/goals/{goalId}/activities.</summary>
public sealed record LogActivityCommand(
    CommandMetadata Meta, string GoalId, decimal? Value, DateTimeOffset? OccurredAt, string? Note) : IGoalCommand;
