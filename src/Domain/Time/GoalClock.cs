namespace Lifestyle.Domain.Time;

/// <summary>Local dates and ISO weeks in a goal's IANA time zone.</summary>
public static class GoalClock
{
    public const string DefaultTimezone = "UTC";

    /// <summary>True for IANA zone ids this machine knows (Windows ids are refused).</summary>
    public static bool IsKnownTimezone(string? id) =>
        !string.IsNullOrWhiteSpace(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    public static DateOnly LocalDate(DateTimeOffset instant, string timezone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(timezone)).DateTime);

    /// <summary>ISO week label <c>YYYY-Www</c> (ISO week-year).</summary>
    public static string WeekLabel(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return $"{System.Globalization.ISOWeek.GetYear(dt):D4}-W{System.Globalization.ISOWeek.GetWeekOfYear(dt):D2}";
    }

    /// <summary>The Monday that starts the ISO week of <paramref name="date"/> (0001-01-01 is a Monday, so always a date).</summary>
    public static DateOnly WeekStart(DateOnly date) =>
        date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary><paramref name="date"/> moved by <paramref name="days"/>, held within 0001-01-01..9999-12-31.</summary>
    public static DateOnly AddDaysClamped(DateOnly date, long days) =>
        DateOnly.FromDayNumber((int)Math.Clamp(date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    /// <summary>Every date from <paramref name="from"/> through <paramref name="to"/> (none when from is later); never steps off the calendar.</summary>
    public static IEnumerable<DateOnly> DaysFrom(DateOnly from, DateOnly to, int step = 1)
    {
        for (long n = from.DayNumber; n <= to.DayNumber; n += step)
        {
            yield return DateOnly.FromDayNumber((int)n);
        }
    }
}
