using System.Globalization;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;

namespace Lifestyle.Domain.Insights;

/// <summary>
/// The four suggestion kinds for daily, weekly (per-day minimum) and limit goals, checked in this order:
/// lower-target, raise-target, switch-to-weekly, keep-going (docs/insights.md).
/// </summary>
public static class SuggestionRules
{
    public const int MinDaysToLower = 14;

    public static Suggestion For(GoalProjection p, IReadOnlyList<WindowDay> days, DateOnly asOf)
    {
        var target = p.Definition.Target;
        var unit = p.Definition.Unit;
        var n = days.Count;
        var met = days.Count(d => d.Met);
        var median = Median(days);
        var step = Step(p);
        var proposed = Math.Max(step, Math.Round(median / step, MidpointRounding.AwayFromZero) * step);
        var typical = $"your median day with activity is {Amount(median)} {unit}";
        if (p.Pattern == GoalPattern.Limit)
        {
            var over = n - met;
            if (n >= MinDaysToLower && over * 100L > 70L * n && proposed > target)
            {
                return new(SuggestionKinds.RaiseTarget, proposed, $"Over the limit on {over} of {DayCount(n)}; {typical}.");
            }

            if (DayWindow.AtLeast(met, n, 90) && median <= 0.8m * target && proposed < target)
            {
                return new(SuggestionKinds.LowerTarget, proposed, $"Within the limit on {met} of {DayCount(n)}; {typical}.");
            }

            return KeepGoing(met, n);
        }

        if (n >= MinDaysToLower && met * 100L < 30L * n && proposed < target)
        {
            return new(SuggestionKinds.LowerTarget, proposed, $"Met on {met} of {DayCount(n)}; {typical}.");
        }

        if (DayWindow.AtLeast(met, n, 90) && median >= 1.25m * target && proposed > target)
        {
            return new(SuggestionKinds.RaiseTarget, proposed, $"Met on {met} of {DayCount(n)}; {typical}.");
        }

        if (p.Pattern == GoalPattern.Daily && WeeklyShape(p, days, asOf))
        {
            return new(SuggestionKinds.SwitchToWeekly, null, "Met on 3 to 5 days in each of the last 4 weeks: a weekly goal fits that rhythm.");
        }

        return KeepGoing(met, n);
    }

    /// <summary>The median day total over the window's days with activity; 0 when none had any.</summary>
    public static decimal Median(IReadOnlyList<WindowDay> days)
    {
        var totals = days.Where(d => d.Active).Select(d => d.Total).Order().ToList();
        if (totals.Count == 0)
        {
            return 0;
        }

        var mid = totals.Count / 2;
        return totals.Count % 2 == 1 ? totals[mid] : (totals[mid - 1] / 2) + (totals[mid] / 2);
    }

    /// <summary>
    /// 1 when every logged amount is whole, else 0.1. The fold keeps day totals, not single values, so a day whose
    /// values add up to a whole number (0.5 + 0.5) counts as whole.
    /// </summary>
    public static decimal Step(GoalProjection p) => p.Days.Values.All(d => d.Total == decimal.Truncate(d.Total)) ? 1m : 0.1m;

    /// <summary>Whether each of the four 7-day blocks ending <paramref name="asOf"/> had 3 to 5 met days.</summary>
    public static bool WeeklyShape(GoalProjection p, IReadOnlyList<WindowDay> days, DateOnly asOf)
    {
        var first = GoalClock.AddDaysClamped(asOf, -(DayWindow.Length - 1));
        if (first < p.StartDate || first.DayNumber + DayWindow.Length - 1 != asOf.DayNumber)
        {
            return false;
        }

        var perWeek = new int[4];
        foreach (var d in days.Where(d => d.Met))
        {
            perWeek[(d.Date.DayNumber - first.DayNumber) / 7]++;
        }

        return perWeek.All(m => m is >= 3 and <= 5);
    }

    private static Suggestion KeepGoing(int met, int n) => new(SuggestionKinds.KeepGoing, null, $"Met on {met} of {DayCount(n)}: keep going.");

    private static string DayCount(int n) => n == 1 ? "1 day" : $"{n} days";

    private static string Amount(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
