using Lifestyle.Domain.Events;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;

namespace Lifestyle.Projections.Projection;

/// <summary>Which daily snapshots and weekly rollups a set of applied events can have changed.</summary>
public static class TouchedPeriods
{
    public static (SortedSet<DateOnly> Days, SortedSet<DateOnly> Weeks) Of(
        GoalProjection? before, GoalProjection after, IReadOnlyList<EventEnvelope> applied)
    {
        var asOf = ReadModelItems.AsOf(after);
        var days = new SortedSet<DateOnly> { asOf };
        var weeks = new SortedSet<DateOnly>();
        if (before is null)
        {
            days.UnionWith(after.Days.Keys);
            for (var monday = GoalClock.WeekStart(after.StartDate); monday <= asOf; monday = monday.AddDays(7))
            {
                weeks.Add(monday);
            }
        }
        else
        {
            weeks.Add(GoalClock.WeekStart(ReadModelItems.AsOf(before)));
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
                        days.Add(d.EffectiveFrom);
                        days.UnionWith(after.Days.Keys.Where(k => k >= d.EffectiveFrom));
                        break;
                }
            }
        }

        // Snapshots expire 90 days after their date; older ones are not worth writing.
        days.RemoveWhere(d => d < after.StartDate || d < asOf.AddDays(-(int)ReadModelItems.SnapshotRetention.TotalDays));
        weeks.UnionWith(days.Select(GoalClock.WeekStart));
        weeks.RemoveWhere(w => w.AddDays(6) < after.StartDate || w > asOf);
        return (days, weeks);
    }
}
