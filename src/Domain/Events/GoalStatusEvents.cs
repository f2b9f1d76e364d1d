namespace Lifestyle.Domain.Events;

public sealed record GoalPaused(DateOnly LocalDate) : GoalEvent;

public sealed record GoalResumed(DateOnly LocalDate) : GoalEvent;

public enum CompletionReason
{
    Manual,
    TargetReached,
}

public sealed record GoalCompleted(CompletionReason Reason) : GoalEvent;

public sealed record GoalArchived : GoalEvent;

/// <summary>The payload of a pause or a resume: the local date it was recorded on.</summary>
public sealed record LocalDateShape(DateOnly LocalDate);

/// <summary>The payload of a completion; the reason's stored words are "manual" and "targetReached".</summary>
public sealed record CompletionShape(string Reason);

public sealed record EmptyShape;

public sealed class GoalPausedCodec : EventCodec<GoalPaused, LocalDateShape>
{
    public override string Name => "goal-paused.v1";

    public override int SchemaVersion => 1;

    protected override LocalDateShape Encode(GoalPaused e) => new(e.LocalDate);

    protected override GoalPaused Decode(LocalDateShape s, EventContext context) => new(s.LocalDate);
}

public sealed class GoalResumedCodec : EventCodec<GoalResumed, LocalDateShape>
{
    public override string Name => "goal-resumed.v1";

    public override int SchemaVersion => 1;

    protected override LocalDateShape Encode(GoalResumed e) => new(e.LocalDate);

    protected override GoalResumed Decode(LocalDateShape s, EventContext context) => new(s.LocalDate);
}

public sealed class GoalCompletedCodec : EventCodec<GoalCompleted, CompletionShape>
{
    public override string Name => "goal-completed.v1";

    public override int SchemaVersion => 1;

    protected override CompletionShape Encode(GoalCompleted e) =>
        new(e.Reason == CompletionReason.TargetReached ? "targetReached" : "manual");

    protected override GoalCompleted Decode(CompletionShape s, EventContext context) => s.Reason switch
    {
        "targetReached" => new(CompletionReason.TargetReached),
        "manual" => new(CompletionReason.Manual),
        _ => throw new FormatException($"Unknown completion reason '{s.Reason}'."),
    };
}

public sealed class GoalArchivedCodec : EventCodec<GoalArchived, EmptyShape>
{
    public override string Name => "goal-archived.v1";

    public override int SchemaVersion => 1;

    protected override EmptyShape Encode(GoalArchived e) => new();

    protected override GoalArchived Decode(EmptyShape s, EventContext context) => new();
}
