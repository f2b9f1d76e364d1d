using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;

namespace Lifestyle.Projections.Tests.StoredFormats;

/// <summary>One stream with every event type, fixed ids and times, so stored items are byte-for-byte stable.</summary>
public static class Samples
{
    public const string User = "user-golden";
    public const string Goal = "0190c1f2a3b44c5d8e9f001122334455";

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly GoalDefinition Definition = new("Read", 100, "pages", null, [25, 100], new DateOnly(2026, 12, 31));

    public static IReadOnlyList<EventEnvelope> Stream { get; } = Envelopes(
        new GoalCreated(Goal, User, GoalPattern.Milestones, Definition, Day, "Europe/Paris", null),
        new ActivityLogged(ActivityId.From(Start.AddTicks(1)), 12.5m, Start.AddMinutes(-5), Day, "chapter 1"),
        new ActivityRemoved(ActivityId.From(Start.AddTicks(1)), 12.5m, Start.AddMinutes(-5), Day),
        new GoalPaused(Day),
        new GoalResumed(Day.AddDays(1)),
        new GoalDefinitionChanged(Definition with { Title = "Read more" }, Day.AddDays(1)),
        new GoalCompleted(CompletionReason.Manual),
        new GoalArchived());

    public static EventEnvelope Of<T>()
        where T : GoalEvent => Stream.First(e => e.Event is T);

    public static GoalState Head => GoalState.Fold(Stream.Take(2))!;

    public static GoalProjection Projection => GoalProjection.Fold(Stream.Take(2))!;

    private static List<EventEnvelope> Envelopes(params GoalEvent[] events) =>
        events.Select((e, i) => new EventEnvelope(User, Goal, i + 1, Start.AddTicks(i), $"event-{i + 1}", e)).ToList();
}
