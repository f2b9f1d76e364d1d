using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;

namespace Lifestyle.Domain.Insights;

/// <summary>One evaluated (unpaused) day of the window: its date, total, whether it had activity and was met.</summary>
public readonly record struct WindowDay(DateOnly Date, decimal Total, bool Active, bool Met);

/// <summary>
/// The complete local days an insight looks at: the <see cref="Length"/> days ending <c>asOf</c>, from the start
/// date on when the goal is younger, paused days left out.
/// </summary>
public static class DayWindow
{
    public const int Length = 28;

    public static IReadOnlyList<WindowDay> Days(GoalProjection p, DateOnly asOf)
    {
        var first = GoalClock.AddDaysClamped(asOf, -(Length - 1));
        var from = first < p.StartDate ? p.StartDate : first;
        var today = GoalClock.AddDaysClamped(asOf, 1);
        var days = new List<WindowDay>(Length);
        foreach (var date in GoalClock.DaysFrom(from, asOf))
        {
            if (p.PausedOn(date, today))
            {
                continue;
            }

            var day = p.DayOn(date);
            days.Add(new WindowDay(date, day.Total, day.Count > 0, StreakCalculator.DayMet(p, date) ?? false));
        }

        return days;
    }

    /// <summary>True when <paramref name="met"/> of <paramref name="of"/> is at least <paramref name="percent"/> % (exact, no rounding).</summary>
    public static bool AtLeast(int met, int of, int percent) => of > 0 && met * 100L >= percent * (long)of;

    /// <summary>The share met, rounded to 4 decimals; null without days.</summary>
    public static decimal? Rate(int met, int of) => of == 0 ? null : Math.Round((decimal)met / of, 4, MidpointRounding.AwayFromZero);

    /// <summary>The lower-case English weekday name, monday … sunday.</summary>
    public static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>Weekdays in ISO order, Monday first, so ties go to the earlier day.</summary>
    public static readonly IReadOnlyList<DayOfWeek> IsoWeek =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static bool HasDailyTarget(GoalPattern pattern) => pattern is GoalPattern.Daily or GoalPattern.Weekly or GoalPattern.Limit;
}
