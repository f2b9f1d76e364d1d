using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>
/// Given a goal's events, each stamped with the next version and a <c>recordedAt</c> the test
/// chooses (strictly increasing, as in the stream), folded by <see cref="GoalProjection.Fold"/>;
/// then the figures at a moment (<see cref="At"/>) and the day/week series.
/// Local dates of activities, pauses and changes are derived from their instants in the goal's
/// zone, exactly as the write side records them.
/// </summary>
internal sealed class ProjectionSpec
{
    private const string UserId = "user_projection";
    private const string GoalId = "goal_projection";

    private readonly List<EventEnvelope> history = [];

    private ProjectionSpec(GoalCreated created)
    {
        Timezone = created.Timezone;
        Given(Utc(created.StartDate.AddDays(-1), 12), created);
    }

    public string Timezone { get; }

    public IReadOnlyList<EventEnvelope> History => history;

    public GoalProjection Projection =>
        GoalProjection.Fold(history) ?? throw new InvalidOperationException("No events were given.");

    public static ProjectionSpec Goal(GoalPattern pattern, GoalDefinition definition, DateOnly start, string timezone = "UTC") =>
        new(new GoalCreated(GoalId, UserId, pattern, definition, start, timezone, null));

    public static ProjectionSpec Daily(decimal target, DateOnly start, string timezone = "UTC") =>
        Goal(GoalPattern.Daily, Definition(target), start, timezone);

    public static ProjectionSpec Weekly(decimal target, int timesPerWeek, DateOnly start, string timezone = "UTC") =>
        Goal(GoalPattern.Weekly, Definition(target) with { TimesPerWeek = timesPerWeek }, start, timezone);

    public static ProjectionSpec Total(decimal target, DateOnly start) => Goal(GoalPattern.Total, Definition(target), start);

    public static ProjectionSpec Limit(decimal limit, DateOnly start) => Goal(GoalPattern.Limit, Definition(limit), start);

    public static ProjectionSpec Milestones(DateOnly start, params decimal[] thresholds) =>
        Goal(GoalPattern.Milestones, Definition(thresholds[^1]) with { Milestones = thresholds }, start);

    public static GoalDefinition Definition(decimal target) => new("Projection goal", target, "units", null, null, null);

    /// <summary>Appends events recorded at <paramref name="recordedAt"/> (one tick apart), each at the next version.</summary>
    public ProjectionSpec Given(DateTimeOffset recordedAt, params GoalEvent[] events)
    {
        if (history.Count > 0 && recordedAt <= history[^1].RecordedAt)
        {
            throw new InvalidOperationException($"recordedAt {recordedAt:O} must be after {history[^1].RecordedAt:O}.");
        }

        var at = recordedAt;
        foreach (var e in events)
        {
            var version = history.Count + 1;
            history.Add(new EventEnvelope(UserId, GoalId, version, at, $"evt-{version}", e));
            at = at.AddTicks(1);
        }

        return this;
    }

    /// <summary>Logs an activity; recorded when it occurred unless <paramref name="recordedAt"/> says otherwise (a backfill).</summary>
    public ActivityLogged Log(decimal value, DateTimeOffset occurredAt, DateTimeOffset? recordedAt = null)
    {
        var at = recordedAt ?? occurredAt;
        var logged = new ActivityLogged(ActivityId.From(at), value, occurredAt, GoalClock.LocalDate(occurredAt, Timezone), null);
        Given(at, logged);
        return logged;
    }

    /// <summary>Logs each value at noon UTC of <paramref name="date"/>, one minute apart (for goals in UTC).</summary>
    public ProjectionSpec On(DateOnly date, params decimal[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Log(values[i], Utc(date, 12).AddMinutes(i));
        }

        return this;
    }

    public ProjectionSpec Remove(ActivityLogged a, DateTimeOffset recordedAt) =>
        Given(recordedAt, new ActivityRemoved(a.ActivityId, a.Value, a.OccurredAt, a.LocalDate));

    public ProjectionSpec Pause(DateTimeOffset recordedAt) => Given(recordedAt, new GoalPaused(GoalClock.LocalDate(recordedAt, Timezone)));

    public ProjectionSpec Resume(DateTimeOffset recordedAt) => Given(recordedAt, new GoalResumed(GoalClock.LocalDate(recordedAt, Timezone)));

    /// <summary>A PATCH recorded at <paramref name="recordedAt"/>: in effect from that local date.</summary>
    public ProjectionSpec Change(DateTimeOffset recordedAt, Func<GoalDefinition, GoalDefinition> change) =>
        Given(recordedAt, new GoalDefinitionChanged(change(Projection.Definition), GoalClock.LocalDate(recordedAt, Timezone)));

    public GoalFigures At(DateTimeOffset now) => ProgressCalculator.Evaluate(Projection, now);

    public IReadOnlyList<DayFigures> Days(DateOnly from, DateOnly to) => [.. SeriesCalculator.Days(Projection, from, to)];

    public IReadOnlyList<WeekFigures> Weeks(DateOnly from, DateOnly to, DateOnly today) =>
        [.. SeriesCalculator.Weeks(Projection, from, to, today)];

    public static DateOnly D(string iso) => Culture.Date(iso);

    public static DateTimeOffset T(string iso) => Culture.Utc(iso);

    /// <summary><paramref name="date"/> at <paramref name="hour"/>:<paramref name="minute"/> UTC.</summary>
    public static DateTimeOffset Utc(DateOnly date, int hour, int minute = 0) =>
        new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);
}
