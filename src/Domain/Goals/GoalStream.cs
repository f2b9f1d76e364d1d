using Lifestyle.Domain.Events;

namespace Lifestyle.Domain.Goals;

/// <summary>Gives decided events their versions and strictly increasing timestamps.</summary>
public static class GoalStream
{
    public static IReadOnlyList<EventEnvelope> Stamp(
        GoalState? state, string userId, string goalId, IReadOnlyList<GoalEvent> events, DateTimeOffset now, Func<string> newEventId)
    {
        var version = state?.Version ?? 0;
        var at = GoalState.NextTimestamp(state, now);
        var stamped = new List<EventEnvelope>(events.Count);
        foreach (var e in events)
        {
            stamped.Add(new EventEnvelope(userId, goalId, ++version, at, newEventId(), e));
            at = at.AddTicks(1);
        }

        return stamped;
    }

    /// <summary>How the events change the user's count of open (active or paused) goals.</summary>
    public static int OpenGoalsDelta(GoalState? before, IReadOnlyList<GoalEvent> events)
    {
        var wasOpen = before?.Status.IsOpen() ?? false;
        var status = before?.Status;
        foreach (var e in events)
        {
            status = GoalStatusMachine.After(status, e);
        }

        var isOpen = status?.IsOpen() ?? false;
        return (isOpen ? 1 : 0) - (wasOpen ? 1 : 0);
    }
}
