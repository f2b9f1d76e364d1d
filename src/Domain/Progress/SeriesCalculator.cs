using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Time;

namespace Lifestyle.Domain.Progress;

/// <summary>Daily and ISO-week figures (the daily snapshots and weekly rollups) from the fold.</summary>
public static class SeriesCalculator
{
    public static DayFigures Day(GoalProjection p, DateOnly date)
    {
        var day = p.DayOn(date);
        return new DayFigures(date, day.Total, day.Count, StreakCalculator.DayMet(p, date));
    }

    public static IEnumerable<DayFigures> Days(GoalProjection p, DateOnly from, DateOnly to)
    {
        foreach (var date in GoalClock.DaysFrom(from, to))
        {
            yield return Day(p, date);
        }
    }

    /// <summary>
    /// The ISO week holding <paramref name="anyDay"/>, as of <paramref name="today"/>: days before
    /// the start date or after today are not evaluated; weekly goals use the definition in effect on
    /// the week's last (evaluated) day, other patterns each day's own.
    /// </summary>
    public static WeekFigures Week(GoalProjection p, DateOnly anyDay, DateOnly today)
    {
        var monday = GoalClock.WeekStart(anyDay);
        var sunday = GoalClock.AddDaysClamped(monday, 6);
        var lastEvaluated = sunday < today ? sunday : today;
        decimal total = 0;
        int logs = 0, active = 0, met = 0, evaluated = 0;
        var weekDefinition = p.DefinitionOn(lastEvaluated);
        foreach (var date in GoalClock.DaysFrom(monday, sunday))
        {
            var day = p.DayOn(date);
            total += day.Total;
            logs += day.Count;
            active += day.Count > 0 ? 1 : 0;
            if (date < p.StartDate || date > today)
            {
                continue;
            }

            evaluated++;
            var dayMet = p.Pattern == GoalPattern.Weekly ? day.Total >= weekDefinition.Target : StreakCalculator.DayMet(p, date);
            met += dayMet == true ? 1 : 0;
        }

        bool? weekMet = p.Pattern switch
        {
            GoalPattern.Weekly => met >= (weekDefinition.TimesPerWeek ?? 1),
            GoalPattern.Daily or GoalPattern.Limit => evaluated > 0 && met == evaluated,
            _ => null,
        };
        return new WeekFigures(GoalClock.WeekLabel(monday), total, logs, active, met, weekMet);
    }

    public static IEnumerable<WeekFigures> Weeks(GoalProjection p, DateOnly from, DateOnly to, DateOnly today)
    {
        foreach (var monday in GoalClock.DaysFrom(GoalClock.WeekStart(from), to, 7))
        {
            yield return Week(p, monday, today);
        }
    }
}
