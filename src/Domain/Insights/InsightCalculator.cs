using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;

namespace Lifestyle.Domain.Insights;

/// <summary>
/// A goal's insight as of a closed local day: met rate, trend, best and worst weekday and a suggestion
/// (docs/insights.md). Total over every fold and date: it never throws.
/// </summary>
public static class InsightCalculator
{
    public const int TrendHalf = 14;
    public const int TrendPoints = 15;

    public static GoalInsight For(GoalProjection p, DateOnly asOf)
    {
        var pattern = p.Pattern.ToWire();
        if (!DayWindow.HasDailyTarget(p.Pattern))
        {
            return new GoalInsight(p.GoalId, pattern, asOf, 0, 0, null, null, null, null, null);
        }

        var days = DayWindow.Days(p, asOf);
        if (days.Count == 0)
        {
            return new GoalInsight(p.GoalId, pattern, asOf, 0, 0, null, Trends.Steady, null, null, null);
        }

        var met = days.Count(d => d.Met);
        return new GoalInsight(
            p.GoalId, pattern, asOf, days.Count, met, DayWindow.Rate(met, days.Count), Trend(days, asOf),
            Weekday(days, best: true), Weekday(days, best: false), SuggestionRules.For(p, days, asOf));
    }

    /// <summary>The last 14 days against the 14 before; steady unless both halves have days and differ by ≥ 15 points.</summary>
    public static string Trend(IReadOnlyList<WindowDay> days, DateOnly asOf)
    {
        var split = GoalClock.AddDaysClamped(asOf, -(TrendHalf - 1));
        long recentMet = 0, recent = 0, olderMet = 0, older = 0;
        foreach (var d in days)
        {
            if (d.Date >= split)
            {
                recent++;
                recentMet += d.Met ? 1 : 0;
            }
            else
            {
                older++;
                olderMet += d.Met ? 1 : 0;
            }
        }

        if (recent == 0 || older == 0)
        {
            return Trends.Steady;
        }

        // (recentMet/recent − olderMet/older) × 100 against ±15, cross-multiplied so it is exact.
        var difference = 100 * ((recentMet * older) - (olderMet * recent));
        var bound = TrendPoints * recent * older;
        return difference >= bound ? Trends.Rising : difference <= -bound ? Trends.Falling : Trends.Steady;
    }

    /// <summary>The weekday with the highest (or lowest) met rate among those in the window; ties go to the earlier day.</summary>
    public static string? Weekday(IReadOnlyList<WindowDay> days, bool best)
    {
        DayOfWeek? chosen = null;
        long chosenMet = 0, chosenOf = 1;
        foreach (var weekday in DayWindow.IsoWeek)
        {
            long met = 0, of = 0;
            foreach (var d in days.Where(d => d.Date.DayOfWeek == weekday))
            {
                of++;
                met += d.Met ? 1 : 0;
            }

            if (of == 0)
            {
                continue;
            }

            var comparison = (met * chosenOf).CompareTo(chosenMet * of);
            if (chosen is null || (best ? comparison > 0 : comparison < 0))
            {
                (chosen, chosenMet, chosenOf) = (weekday, met, of);
            }
        }

        return chosen is { } day ? DayWindow.Name(day) : null;
    }
}
