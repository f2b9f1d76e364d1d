using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>"Now" in a zone where it is about noon, so no local date rolls over during a test.</summary>
internal sealed record MiddayClock(string Zone, DateOnly Today, DateTimeOffset Now)
{
    public static MiddayClock Create()
    {
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var offset = 12 - now.Hour; // -11..12: Etc/GMT-N is UTC+N.
        var zone = offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        return new(zone, DateOnly.FromDateTime(now.UtcDateTime.AddHours(offset)), now);
    }

    public string Day(int days) => QueryApi.Date(Today.AddDays(days));

    /// <summary>An instant <paramref name="days"/> local days from today, at about noon local time.</summary>
    public string At(int days, int minutes = 0) =>
        Now.AddDays(days).AddMinutes(minutes).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

internal static class QueryApi
{
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string WeekLabel(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }

    public static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    public static Task<JsonObject> GetJsonAsync(this HttpClient client, string path) => client.SendOkAsync(HttpMethod.Get, path);

    public static async Task<(HttpResponseMessage Response, string Body)> GetRawAsync(
        this HttpClient client, string path, string? header = null, string? value = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asserts a problem+json answer with the given status and code.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpClient client, string path, HttpStatusCode status, string code)
    {
        var (response, body) = await client.GetRawAsync(path);
        Assert.True(status == response.StatusCode, $"GET {path}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.True(code == (string?)problem["code"], $"GET {path}: expected code {code}: {body}");
        return problem;
    }

    public static async Task<(string ActivityId, long Version)> LogWithIdAsync(
        this HttpClient client, string goalId, decimal value, string occurredAt, string? note = null)
    {
        var r = await client.SendOkAsync(HttpMethod.Post, $"/v1/goals/{goalId}/activities", new { value, occurredAt, note }, HttpStatusCode.Created);
        return ((string)r["activityId"]!, (long)r["version"]!);
    }

    public static async Task<long> RemoveActivityAsync(this HttpClient client, string goalId, string activityId) =>
        (long)(await client.SendOkAsync(HttpMethod.Delete, $"/v1/goals/{goalId}/activities/{activityId}"))["version"]!;

    /// <summary>pause, resume, complete or archive; returns the new version.</summary>
    public static async Task<long> TransitionAsync(this HttpClient client, string goalId, string transition) =>
        (long)(await client.SendOkAsync(HttpMethod.Post, $"/v1/goals/{goalId}/{transition}"))["version"]!;

    public static List<string> Ids(JsonNode? items, string field = "goalId") =>
        items!.AsArray().Select(i => (string)i![field]!).ToList();

    /// <summary>Follows nextCursor from <paramref name="path"/> (which has a query string) to the end.</summary>
    public static async Task<(List<string> Ids, List<int> PageSizes)> PageAllAsync(this HttpClient client, string path, string field)
    {
        var ids = new List<string>();
        var sizes = new List<int>();
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync(cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(cursor)}");
            Assert.True(page.ContainsKey("nextCursor"), $"no nextCursor in {page}");
            var pageIds = Ids(page["items"], field);
            ids.AddRange(pageIds);
            sizes.Add(pageIds.Count);
            cursor = (string?)page["nextCursor"];
            Assert.True(sizes.Count < 20, "paging does not end");
        }
        while (cursor is not null);

        return (ids, sizes);
    }
}
