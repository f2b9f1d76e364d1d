using Lifestyle.Commands.Common;

namespace Lifestyle.Commands.Goals.RemoveActivity;

/// <summary>DELETE /v1/goals/{goalId}/activities/{activityId}: appends ActivityRemoved.</summary>
public sealed record RemoveActivityCommand(CommandMetadata Meta, string GoalId, string ActivityId) : IGoalCommand;
