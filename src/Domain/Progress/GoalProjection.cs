using System.Collections.Immutable;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Time;

namespace Lifestyle.Domain.Progress;

public sealed record DefinitionPeriod(DateOnly EffectiveFrom, GoalDefinition Definition);

/// <summary>A pause or resume, on the local date it was recorded.</summary>
public sealed record PauseChange(DateOnly LocalDate, bool Paused);

public sealed record DayTotal(decimal Total, int Count);

public sealed record ReachedMilestone(decimal Threshold, DateTimeOffset ReachedAt);

/// <summary>A new highest sum, and the occurredAt of the activity whose append reached it.</summary>
public sealed record SumMark(decimal Sum, DateTimeOffset OccurredAt);

/// <summary>
/// The read-side fold of one goal's events: everything progress, streaks and rollups are computed
/// from, at any "today". Time-dependent figures are never stored as truth; they are evaluated.
/// </summary>
public sealed record GoalProjection(
    string GoalId,
    string UserId,
    GoalPattern Pattern,
    DateOnly StartDate,
    string Timezone,
    string? TemplateId,
    DateTimeOffset CreatedAt,
    GoalStatus Status,
    long Version,
    DateTimeOffset LastRecordedAt,
    ImmutableList<DefinitionPeriod> Definitions,
    ImmutableList<PauseChange> Pauses,
    ImmutableSortedDictionary<DateOnly, DayTotal> Days,
    decimal Total,
    long LogCount,
    ImmutableList<ReachedMilestone> ReachedMilestones,
    ImmutableList<int> ReachedPercents,
    ImmutableList<SumMark> HighWater)
{
    public static readonly IReadOnlyList<int> PercentThresholds = [25, 50, 75, 100];

    public GoalDefinition Definition => Definitions[^1].Definition;

    /// <summary>The definition in effect on a local date (changes apply from the day they were recorded).</summary>
    public GoalDefinition DefinitionOn(DateOnly date) =>
        Definitions.LastOrDefault(d => d.EffectiveFrom <= date)?.Definition ?? Definitions[0].Definition;

    /// <summary>Paused at the end of that local day (for today: paused now).</summary>
    public bool PausedOn(DateOnly date, DateOnly today) =>
        date >= today ? Status == GoalStatus.Paused : Pauses.LastOrDefault(p => p.LocalDate <= date)?.Paused ?? false;

    public DayTotal DayOn(DateOnly date) => Days.TryGetValue(date, out var d) ? d : new DayTotal(0, 0);

    public static GoalProjection? Fold(IEnumerable<EventEnvelope> events) =>
        events.Aggregate((GoalProjection?)null, Evolve);

    public static GoalProjection? Evolve(GoalProjection? p, EventEnvelope e)
    {
        var next = e.Event switch
        {
            GoalCreated c => new GoalProjection(
                c.GoalId, c.UserId, c.Pattern, c.StartDate, c.Timezone, c.TemplateId, e.RecordedAt, GoalStatus.Active,
                0, e.RecordedAt, [new DefinitionPeriod(DateOnly.MinValue, c.Definition)], [], ImmutableSortedDictionary<DateOnly, DayTotal>.Empty,
                0, 0, [], [], []),
            _ when p is null => throw new InvalidOperationException($"Goal {e.GoalId}: {e.Event.GetType().Name} before GoalCreated."),
            GoalDefinitionChanged d => Reach(p with
            {
                Definitions = p.Definitions.RemoveAll(x => x.EffectiveFrom >= d.EffectiveFrom).Add(new(d.EffectiveFrom, d.Definition)),
            }),
            GoalPaused x => p with { Status = GoalStatusMachine.After(p.Status, x), Pauses = p.Pauses.Add(new(x.LocalDate, true)) },
            GoalResumed x => p with { Status = GoalStatusMachine.After(p.Status, x), Pauses = p.Pauses.Add(new(x.LocalDate, false)) },
            GoalCompleted or GoalArchived => p with { Status = GoalStatusMachine.After(p.Status, e.Event), Pauses = Unpause(p, e) },
            ActivityLogged a => Reach(Mark(AddDay(p, a.LocalDate, a.Value, 1), a.OccurredAt)),
            ActivityRemoved r => AddDay(p, r.LocalDate, -r.Value, -1),
            _ => throw new InvalidOperationException($"Unhandled event {e.Event.GetType().Name}."),
        };
        return next with { Version = e.Version, LastRecordedAt = e.RecordedAt };
    }

    /// <summary>Completed or archived goals are no longer paused from that day on.</summary>
    private static ImmutableList<PauseChange> Unpause(GoalProjection p, EventEnvelope e) =>
        p.Status == GoalStatus.Paused ? p.Pauses.Add(new(GoalClock.LocalDate(e.RecordedAt, p.Timezone), false)) : p.Pauses;

    private static GoalProjection AddDay(GoalProjection p, DateOnly date, decimal value, int count)
    {
        var day = p.DayOn(date);
        var updated = new DayTotal(day.Total + value, day.Count + count);
        var days = updated.Count <= 0 ? p.Days.Remove(date) : p.Days.SetItem(date, updated);
        return p with { Days = days, Total = p.Total + value, LogCount = p.LogCount + count };
    }

    /// <summary>Milestones goals remember each new highest sum, so a threshold added later knows which append first reached it.</summary>
    private static GoalProjection Mark(GoalProjection p, DateTimeOffset occurredAt) =>
        p.Pattern == GoalPattern.Milestones && p.Total > (p.HighWater.Count > 0 ? p.HighWater[^1].Sum : 0)
            ? p with { HighWater = p.HighWater.Add(new SumMark(p.Total, occurredAt)) }
            : p;

    /// <summary>Milestones and total-goal percentages reached so far, each recorded once.</summary>
    private static GoalProjection Reach(GoalProjection p)
    {
        var d = p.Definition;
        var milestones = p.ReachedMilestones;
        foreach (var threshold in d.Milestones ?? [])
        {
            if (milestones.All(m => m.Threshold != threshold) && p.HighWater.FirstOrDefault(h => h.Sum >= threshold) is { } first)
            {
                milestones = milestones.Add(new ReachedMilestone(threshold, first.OccurredAt));
            }
        }

        var percents = p.ReachedPercents;
        if (p.Pattern == GoalPattern.Total && d.Target > 0)
        {
            percents = percents.AddRange(PercentThresholds.Where(t => !percents.Contains(t) && p.Total * 100 >= d.Target * t));
        }

        return p with { ReachedMilestones = milestones, ReachedPercents = percents };
    }
}
