using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;

namespace Lifestyle.Projections.Notifications;

/// <summary>
/// Where the current streak began: walking back from <c>today</c> over unpaused periods (days, or ISO weeks for
/// weekly goals) the way <see cref="StreakCalculator"/> counts them — the current period only if it is met —
/// the first day of the <c>length</c>-th one. It names a run, so the same run never notifies a milestone twice
/// while a new run later can.
/// </summary>
public static class StreakRun
{
    public static DateOnly Start(GoalProjection p, DateOnly today, int length)
    {
        var start = today;
        var counted = 0;
        var first = true;
        foreach (var (periodStart, periodEnd) in UnpausedPeriodsBackwards(p, today))
        {
            var isCurrent = first;
            first = false;
            if (isCurrent && !Met(p, periodEnd))
            {
                continue;
            }

            start = periodStart;
            if (++counted >= length)
            {
                break;
            }
        }

        return start;
    }

    private static IEnumerable<(DateOnly Start, DateOnly End)> UnpausedPeriodsBackwards(GoalProjection p, DateOnly today)
    {
        if (p.Pattern != GoalPattern.Weekly)
        {
            for (var n = today.DayNumber; n >= p.StartDate.DayNumber; n--)
            {
                var day = DateOnly.FromDayNumber(n);
                if (!p.PausedOn(day, today))
                {
                    yield return (day, day);
                }
            }

            yield break;
        }

        for (var n = GoalClock.WeekStart(today).DayNumber; n >= GoalClock.WeekStart(p.StartDate).DayNumber; n -= 7)
        {
            var monday = DateOnly.FromDayNumber(n);
            var sunday = GoalClock.AddDaysClamped(monday, 6);
            var end = sunday < today ? sunday : today;
            if (!p.PausedOn(end, today))
            {
                yield return (monday, end);
            }
        }
    }

    /// <summary>Whether a period (a day, or the week ending on <paramref name="end"/>) is met.</summary>
    public static bool Met(GoalProjection p, DateOnly end)
    {
        if (p.Pattern != GoalPattern.Weekly)
        {
            return StreakCalculator.DayMet(p, end) == true;
        }

        var definition = p.DefinitionOn(end);
        return ProgressCalculator.MetDaysInWeek(p, end, definition) >= (definition.TimesPerWeek ?? 1);
    }
}
