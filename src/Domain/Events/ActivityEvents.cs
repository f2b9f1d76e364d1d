namespace Lifestyle.Domain.Events;

public sealed record ActivityLogged(
    string ActivityId,
    decimal Value,
    DateTimeOffset OccurredAt,
    DateOnly LocalDate,
    string? Note) : GoalEvent;

/// <summary>Carries the removed activity's value and date so folds need no look-up.</summary>
public sealed record ActivityRemoved(
    string ActivityId,
    decimal Value,
    DateTimeOffset OccurredAt,
    DateOnly LocalDate) : GoalEvent;

public sealed record ActivityLoggedShape(string ActivityId, decimal Value, DateTimeOffset OccurredAt, DateOnly LocalDate, string? Note);

public sealed record ActivityRemovedShape(string ActivityId, decimal Value, DateTimeOffset OccurredAt, DateOnly LocalDate);

public sealed class ActivityLoggedCodec : EventCodec<ActivityLogged, ActivityLoggedShape>
{
    public override string Name => "activity-logged.v1";

    public override int SchemaVersion => 1;

    protected override ActivityLoggedShape Encode(ActivityLogged e) => new(e.ActivityId, e.Value, e.OccurredAt, e.LocalDate, e.Note);

    protected override ActivityLogged Decode(ActivityLoggedShape s, EventContext context) => new(s.ActivityId, s.Value, s.OccurredAt, s.LocalDate, s.Note);
}

public sealed class ActivityRemovedCodec : EventCodec<ActivityRemoved, ActivityRemovedShape>
{
    public override string Name => "activity-removed.v1";

    public override int SchemaVersion => 1;

    protected override ActivityRemovedShape Encode(ActivityRemoved e) => new(e.ActivityId, e.Value, e.OccurredAt, e.LocalDate);

    protected override ActivityRemoved Decode(ActivityRemovedShape s, EventContext context) => new(s.ActivityId, s.Value, s.OccurredAt, s.LocalDate);
}
