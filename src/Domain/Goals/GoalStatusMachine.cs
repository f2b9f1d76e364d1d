using Lifestyle.Domain.Events;

namespace Lifestyle.Domain.Goals;

/// <summary>
/// The goal status machine, in one place (docs/rules.md, "Goal statuses"): every fold and the quota count take a
/// goal's status after an event from here. Which transitions a command may ask for is the decider's business.
/// </summary>
public static class GoalStatusMachine
{
    /// <summary>The status after <paramref name="e"/>; events that do not move the status leave it as it was.</summary>
    public static GoalStatus? After(GoalStatus? status, GoalEvent e) => e switch
    {
        GoalCreated => GoalStatus.Active,
        GoalPaused => GoalStatus.Paused,
        GoalResumed => GoalStatus.Active,
        GoalCompleted => GoalStatus.Completed,
        GoalArchived => GoalStatus.Archived,
        GoalDefinitionChanged or ActivityLogged or ActivityRemoved => status,
        _ => throw new InvalidOperationException($"Unhandled event {e.GetType().Name}."),
    };

    public static GoalStatus After(GoalStatus status, GoalEvent e) => After((GoalStatus?)status, e) ?? status;
}
