using Lifestyle.Commands.Common;

namespace Lifestyle.Commands.Goals.ChangeGoalStatus;

public enum GoalTransition
{
    Pause,
    Resume,
    Complete,
    Archive,
}

/// <summary>POST /v1/goals/{goalId}/pause · resume · complete · archive.</summary>
public sealed record ChangeGoalStatusCommand(CommandMetadata Meta, string GoalId, GoalTransition Transition) : IGoalCommand;
