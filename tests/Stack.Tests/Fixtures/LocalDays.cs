using System.Globalization;
using System.Text.Json.Nodes;
using Xunit;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>
/// Local dates in a fixed zone, computed by the test itself (BCL only), and assertions on the
/// figures of docs/product-rules.md §4 as the HTTP API answers them.
/// </summary>
public sealed class LocalDays(string timezone)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(timezone);

    public string Zone => timezone;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);

    /// <summary>Monday of the ISO week of today, minus <paramref name="weeksBack"/> weeks.</summary>
    public DateOnly Monday(int weeksBack = 0) => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7) - (7 * weeksBack));

    /// <summary>The instant of a local wall-clock time, as RFC 3339 UTC.</summary>
    public string At(DateOnly date, int hour, int minute = 0) => Instant(date, hour, minute).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public DateTimeOffset Instant(DateOnly date, int hour, int minute = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(hour, minute)), zone), TimeSpan.Zero);

    /// <summary>Local noon of a past day; today's activities use 00:01, never after "now" by more than the allowed skew.</summary>
    public string Noon(DateOnly date) => At(date, 12);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Week(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }
}

public static class Figures
{
    /// <summary>Logs each (day, value): past days at local noon, today at 00:01, 00:02, …; returns the last version.</summary>
    public static async Task<long> LogAllAsync(this HttpClient client, string goalId, LocalDays days, params (DateOnly Day, decimal Value)[] logs)
    {
        long version = 0;
        var minute = 1;
        foreach (var (day, value) in logs)
        {
            version = await client.LogAsync(goalId, value, day == days.Today ? days.At(day, 0, minute++) : days.Noon(day));
        }

        return version;
    }

    public static void Progress(JsonObject view, string period, DateOnly periodStart, decimal current, decimal target, decimal? percent,
        bool targetReached, decimal total, long logCount)
    {
        var p = view["progress"]!;
        Assert.Equal(period, (string)p["period"]!);
        Assert.Equal(LocalDays.Iso(periodStart), (string)p["periodStart"]!);
        Assert.Equal(current, (decimal)p["current"]!);
        Assert.Equal(target, (decimal)p["target"]!);
        Assert.Equal(percent, (decimal?)p["percent"]);
        Assert.Equal(targetReached, (bool)p["targetReached"]!);
        Assert.Equal(total, (decimal)p["total"]!);
        Assert.Equal(logCount, (long)p["logCount"]!);
    }

    public static void Streak(JsonObject view, int current, int longest, string unit, bool atRisk)
    {
        var s = view["streak"]!;
        Assert.Equal((current, longest, unit, atRisk), ((int)s["current"]!, (int)s["longest"]!, (string)s["unit"]!, (bool)s["atRisk"]!));
    }

    public static void NoStreak(JsonObject view)
    {
        Assert.True(view.ContainsKey("streak"), "streak must be present (null)");
        Assert.Null(view["streak"]);
    }

    public static async Task<JsonArray> DaysAsync(this HttpClient client, string goalId, DateOnly from, DateOnly to, long version) =>
        await ItemsAsync(client, $"/v1/goals/{goalId}/days?from={LocalDays.Iso(from)}&to={LocalDays.Iso(to)}&minVersion={version}");

    public static async Task<JsonArray> WeeksAsync(this HttpClient client, string goalId, DateOnly from, DateOnly to, long version) =>
        await ItemsAsync(client, $"/v1/goals/{goalId}/weeks?from={LocalDays.Iso(from)}&to={LocalDays.Iso(to)}&minVersion={version}");

    public static void Day(JsonNode? item, DateOnly date, decimal total, int logCount, bool? met)
    {
        Assert.NotNull(item);
        var actual = ((string)item["date"]!, (decimal)item["total"]!, (int)item["logCount"]!, (bool?)item["met"]);
        Assert.Equal((LocalDays.Iso(date), total, logCount, met), actual);
    }

    public static void Week(JsonNode? item, DateOnly monday, decimal total, int logCount, int activeDays, int daysMet, bool? met)
    {
        Assert.NotNull(item);
        var actual = ((string)item["week"]!, (decimal)item["total"]!, (int)item["logCount"]!, (int)item["activeDays"]!, (int)item["daysMet"]!, (bool?)item["met"]);
        Assert.Equal((LocalDays.Week(monday), total, logCount, activeDays, daysMet, met), actual);
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.False(response.Headers.Contains("Lifestyle-Consistency"), $"GET {path}: stale");
        return JsonNode.Parse(body)!["items"]!.AsArray();
    }
}
