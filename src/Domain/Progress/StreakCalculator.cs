using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Time;

namespace Lifestyle.Domain.Progress;

/// <summary>
/// Streaks over periods (days, or ISO weeks for weekly goals) from the start date through today.
/// Paused periods are skipped: they neither extend nor break a run.
/// </summary>
public static class StreakCalculator
{
    public static StreakFigures? Evaluate(GoalProjection p, DateOnly today)
    {
        if (p.Pattern is GoalPattern.Total or GoalPattern.Milestones)
        {
            return null;
        }

        var weekly = p.Pattern == GoalPattern.Weekly;
        var unit = weekly ? "weeks" : "days";
        var periods = Periods(p, today, weekly).ToList();
        if (periods.Count == 0)
        {
            return new StreakFigures(0, 0, unit, false);
        }

        int run = 0, longest = 0, previousRun = 0;
        foreach (var (_, met) in periods)
        {
            previousRun = run;
            run = met ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var (lastEnd, lastMet) = periods[^1];
        var currentIsNow = weekly ? lastEnd >= GoalClock.WeekStart(today) : lastEnd == today;
        int current;
        if (!currentIsNow || lastMet)
        {
            // The current period is paused (so the run ends at the last unpaused one), or it is met.
            current = run;
        }
        else
        {
            // Not met yet: a run ending at the previous period still counts, except for limits.
            current = p.Pattern == GoalPattern.Limit ? 0 : previousRun;
        }

        return new StreakFigures(current, longest, unit, AtRisk(p, today, current, currentIsNow, lastMet));
    }

    private static bool AtRisk(GoalProjection p, DateOnly today, int current, bool currentIsNow, bool currentMet)
    {
        if (!currentIsNow)
        {
            return false;
        }

        if (p.Pattern != GoalPattern.Limit)
        {
            return current > 0 && !currentMet;
        }

        var limit = p.DefinitionOn(today).Target;
        var total = p.DayOn(today).Total;
        return limit > 0 && total >= 0.8m * limit && total <= limit;
    }

    /// <summary>Unpaused periods in order, each with its last day (today for the current one) and whether it was met.</summary>
    private static IEnumerable<(DateOnly End, bool Met)> Periods(GoalProjection p, DateOnly today, bool weekly)
    {
        if (today < p.StartDate)
        {
            yield break;
        }

        if (!weekly)
        {
            foreach (var day in GoalClock.DaysFrom(p.StartDate, today))
            {
                if (!p.PausedOn(day, today))
                {
                    yield return (day, DayMet(p, day) ?? false);
                }
            }

            yield break;
        }

        foreach (var monday in GoalClock.DaysFrom(GoalClock.WeekStart(p.StartDate), today, 7))
        {
            var sunday = GoalClock.AddDaysClamped(monday, 6);
            var end = sunday < today ? sunday : today;
            if (!p.PausedOn(end, today))
            {
                var d = p.DefinitionOn(end);
                yield return (end, ProgressCalculator.MetDaysInWeek(p, end, d) >= (d.TimesPerWeek ?? 1));
            }
        }
    }

    /// <summary>Whether a day meets its own definition; null for patterns without a daily target.</summary>
    public static bool? DayMet(GoalProjection p, DateOnly day)
    {
        var target = p.DefinitionOn(day).Target;
        var total = p.DayOn(day).Total;
        return p.Pattern switch
        {
            GoalPattern.Daily or GoalPattern.Weekly => total >= target,
            GoalPattern.Limit => total <= target,
            _ => null,
        };
    }
}
