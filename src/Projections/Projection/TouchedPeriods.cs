using Lifestyle.Domain.Events;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// Which daily snapshots and weekly rollups applied events change. Chosen so that incremental
/// passes leave exactly the items a fresh fold writes: a snapshot for each day with activity
/// (within retention), a rollup for every week from the start through the as-of week.
/// </summary>
public sealed record TouchedPeriods(SortedSet<DateOnly> PutDays, SortedSet<DateOnly> DeleteDays, SortedSet<DateOnly> Weeks)
{
    public static DateOnly RetainedFrom(GoalProjection p) =>
        ReadModelItems.AsOf(p).AddDays(-(int)ReadModelItems.SnapshotRetention.TotalDays);

    public static TouchedPeriods Of(GoalProjection? before, GoalProjection after, IReadOnlyList<EventEnvelope> applied)
    {
        var asOf = ReadModelItems.AsOf(after);
        var days = new SortedSet<DateOnly>();
        var firstWeek = GoalClock.WeekStart(after.StartDate);
        if (before is null)
        {
            days.UnionWith(after.Days.Keys);
        }
        else
        {
            firstWeek = GoalClock.WeekStart(ReadModelItems.AsOf(before));
            foreach (var e in applied)
            {
                switch (e.Event)
                {
                    case ActivityLogged a:
                        days.Add(a.LocalDate);
                        break;
                    case ActivityRemoved r:
                        days.Add(r.LocalDate);
                        break;
                    case GoalDefinitionChanged d:
                        days.UnionWith(after.Days.Keys.Where(k => k >= d.EffectiveFrom));
                        break;
                }
            }
        }

        var retainedFrom = RetainedFrom(after);
        days.RemoveWhere(d => d < retainedFrom);
        var weeks = new SortedSet<DateOnly>(days.Select(GoalClock.WeekStart));
        for (var monday = firstWeek; monday <= asOf; monday = monday.AddDays(7))
        {
            weeks.Add(monday);
        }

        weeks.RemoveWhere(w => w.AddDays(6) < after.StartDate || w > asOf);
        var put = new SortedSet<DateOnly>(days.Where(after.Days.ContainsKey));
        var delete = new SortedSet<DateOnly>(days.Where(d => !after.Days.ContainsKey(d)));
        return new TouchedPeriods(put, delete, weeks);
    }
}
