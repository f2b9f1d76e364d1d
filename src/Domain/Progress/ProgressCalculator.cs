using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Time;

namespace Lifestyle.Domain.Progress;

/// <summary>Progress and streak of a goal as of a moment, in the goal's time zone.</summary>
public static class ProgressCalculator
{
    public static GoalFigures Evaluate(GoalProjection p, DateTimeOffset now)
    {
        var today = GoalClock.LocalDate(now, p.Timezone);
        return new GoalFigures(today, ProgressOn(p, today), StreakCalculator.Evaluate(p, today));
    }

    public static ProgressFigures ProgressOn(GoalProjection p, DateOnly today)
    {
        var d = p.DefinitionOn(today);
        var (period, start, current) = p.Pattern switch
        {
            GoalPattern.Daily or GoalPattern.Limit => ("day", today, p.DayOn(today).Total),
            GoalPattern.Weekly => ("week", GoalClock.WeekStart(today), (decimal)MetDaysInWeek(p, today, d)),
            _ => ("all", p.StartDate, p.Total),
        };
        var target = d.ProgressTarget(p.Pattern);
        var percent = Percent(current, target);
        var reached = p.Pattern == GoalPattern.Limit ? current <= target : current >= target;
        return new ProgressFigures(period, start, current, target, percent, reached, p.Total, p.LogCount);
    }

    /// <summary>round(100 × current ÷ target, 1); null when the target is 0 or the percent is not representable (a target stored before docs/product-rules.md §4's bounds).</summary>
    public static decimal? Percent(decimal current, decimal target)
    {
        if (target == 0)
        {
            return null;
        }

        try
        {
            return Math.Round(100m * current / target, 1, MidpointRounding.AwayFromZero);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Days of the week of <paramref name="lastDay"/> up to it (and from the start date) whose total reaches the daily minimum.</summary>
    public static int MetDaysInWeek(GoalProjection p, DateOnly lastDay, GoalDefinition d)
    {
        var count = 0;
        foreach (var day in GoalClock.DaysFrom(GoalClock.WeekStart(lastDay), lastDay))
        {
            if (day >= p.StartDate && p.DayOn(day).Total >= d.Target)
            {
                count++;
            }
        }

        return count;
    }
}
