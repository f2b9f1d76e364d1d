using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;

namespace Lifestyle.Projections.Tests.Fixtures;

/// <summary>A goal's events built the way the write side records them (versions in order, local dates in the goal's zone).</summary>
public sealed class GoalHistory
{
    public const string UserId = "u-facts";
    public const string GoalId = "g-facts";

    private readonly List<EventEnvelope> events = [];
    private readonly string timezone;
    private DateTimeOffset clock;

    private GoalHistory(GoalPattern pattern, GoalDefinition definition, DateOnly start, string timezone)
    {
        this.timezone = timezone;
        clock = new DateTimeOffset(start.AddDays(-1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        Add(clock, new GoalCreated(GoalId, UserId, pattern, definition, start, timezone, null));
    }

    public IReadOnlyList<EventEnvelope> Events => events;

    public GoalProjection Projection => GoalProjection.Fold(events)!;

    public static GoalHistory Of(GoalPattern pattern, decimal target, DateOnly start, string timezone = "UTC", int? timesPerWeek = null,
        decimal[]? milestones = null) =>
        new(pattern, new GoalDefinition("Facts goal", target, "units", timesPerWeek, milestones, null), start, timezone);

    /// <summary>An activity that occurred at <paramref name="occurredAt"/>, recorded then (or just after the last event).</summary>
    public EventEnvelope Log(decimal value, DateTimeOffset occurredAt) =>
        Add(occurredAt, new ActivityLogged(Guid.NewGuid().ToString("N"), value, occurredAt, GoalClock.LocalDate(occurredAt, timezone), null));

    public EventEnvelope LogOn(DateOnly localDay, decimal value) =>
        Log(value, new DateTimeOffset(localDay.ToDateTime(new TimeOnly(12, 0)), TimeZoneInfo.FindSystemTimeZoneById(timezone).GetUtcOffset(localDay.ToDateTime(new TimeOnly(12, 0)))));

    public EventEnvelope Add(DateTimeOffset at, GoalEvent e)
    {
        clock = at > clock ? at : clock.AddTicks(1);
        var envelope = new EventEnvelope(UserId, GoalId, events.Count + 1, clock, Guid.NewGuid().ToString("N"), e);
        events.Add(envelope);
        return envelope;
    }

    public EventEnvelope Pause(DateOnly localDay) => Add(Noon(localDay).AddHours(1), new GoalPaused(localDay));

    public EventEnvelope Resume(DateOnly localDay) => Add(Noon(localDay).AddHours(2), new GoalResumed(localDay));

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
