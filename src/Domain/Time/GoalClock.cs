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

    /// <summary>The Monday that starts the ISO week of <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) =>
        date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
