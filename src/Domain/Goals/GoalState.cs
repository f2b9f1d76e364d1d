using Lifestyle.Domain.Events;

namespace Lifestyle.Domain.Goals;

/// <summary>The write model of one goal: what decisions need, kept on the goal head item.</summary>
public sealed record GoalState(
    string GoalId,
    string UserId,
    GoalPattern Pattern,
    GoalDefinition Definition,
    DateOnly StartDate,
    string Timezone,
    string? TemplateId,
    GoalStatus Status,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastRecordedAt,
    decimal Sum,
    long ActivityCount)
{
    /// <summary>The next event timestamp: now, or one tick after the last, so a goal's stream strictly increases.</summary>
    public static DateTimeOffset NextTimestamp(GoalState? state, DateTimeOffset now)
    {
        var utcNow = now.ToUniversalTime();
        return state is null || utcNow > state.LastRecordedAt ? utcNow : state.LastRecordedAt.AddTicks(1);
    }

    public static GoalState? Evolve(GoalState? state, EventEnvelope envelope)
    {
        var next = envelope.Event switch
        {
            GoalCreated c => new GoalState(
                c.GoalId, c.UserId, c.Pattern, c.Definition, c.StartDate, c.Timezone, c.TemplateId,
                GoalStatus.Active, 0, envelope.RecordedAt, envelope.RecordedAt, 0m, 0),
            _ when state is null => throw new InvalidOperationException(
                $"Goal {envelope.GoalId}: {envelope.Event.GetType().Name} before GoalCreated."),
            GoalDefinitionChanged d => state with { Definition = d.Definition },
            GoalPaused or GoalResumed or GoalCompleted or GoalArchived => state with { Status = GoalStatusMachine.After(state.Status, envelope.Event) },
            ActivityLogged a => state with { Sum = state.Sum + a.Value, ActivityCount = state.ActivityCount + 1 },
            ActivityRemoved r => state with { Sum = state.Sum - r.Value, ActivityCount = state.ActivityCount - 1 },
            _ => throw new InvalidOperationException($"Unhandled event {envelope.Event.GetType().Name}."),
        };
        return next with { Version = envelope.Version, LastRecordedAt = envelope.RecordedAt };
    }

    public static GoalState? Fold(IEnumerable<EventEnvelope> events) =>
        events.Aggregate((GoalState?)null, Evolve);
}
