namespace Lifestyle.Domain.Insights;

/// <summary>
/// The fixed seasonal table: one template per month (northern-hemisphere seasons). January and February: exercise
/// (new-year resolutions); March to May: walking; June to August: water; September and October: sleep (back to
/// routine); November and December: meditation.
/// </summary>
public static class Seasons
{
    private static readonly string[] ByMonth =
    [
        "exercise-30min-3x-week", "exercise-30min-3x-week",
        "walk-10000-steps", "walk-10000-steps", "walk-10000-steps",
        "water-8-glasses", "water-8-glasses", "water-8-glasses",
        "sleep-8-hours", "sleep-8-hours",
        "meditate-10min-daily", "meditate-10min-daily",
    ];

    /// <summary>The seasonal template of a month (1–12; any other number is taken modulo 12).</summary>
    public static string TemplateOf(int month) => ByMonth[(((month - 1) % 12) + 12) % 12];
}
