using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>The API side of the replay tests: goals with some history, and what the API answers about them.</summary>
public static class ReplayHttp
{
    /// <summary>What the API answers about a goal: its view, its days and its weeks (raw JSON).</summary>
    public static async Task<string> AnswersAsync(this HttpClient client, string goalId)
    {
        var from = ReplayTable.TodayUtc.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        foreach (var path in new[] { $"/v1/goals/{goalId}", $"/v1/goals/{goalId}/days?from={from}", $"/v1/goals/{goalId}/weeks?from={from}" })
        {
            var response = await client.GetAsync(path);
            text.Append(path).Append(" -> ").Append((int)response.StatusCode).Append(' ').AppendLine(await response.Content.ReadAsStringAsync());
        }

        return text.ToString();
    }

    /// <summary>A daily goal started two weeks ago, with activities today, yesterday and three days ago.</summary>
    public static async Task<(string GoalId, long Version)> GoalWithHistoryAsync(this HttpClient client, string title)
    {
        var goalId = await client.CreateGoalAsync(new
        {
            title, pattern = "daily", target = 8, unit = "glasses", timezone = "UTC",
            startDate = ReplayTable.TodayUtc.AddDays(-14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var now = DateTimeOffset.UtcNow;
        await client.LogAsync(goalId, 8, now.AddDays(-3).ToString("O"));
        await client.LogAsync(goalId, 5, now.AddDays(-1).ToString("O"));
        var version = await client.LogAsync(goalId, 3, now.ToString("O"), "evening");
        await client.ProjectedAsync(goalId, version);
        return (goalId, version);
    }

    /// <summary>Waits (up to 20 s: the projector may lag when the whole suite runs) until the API serves the goal at a version.</summary>
    public static async Task<JsonObject> ProjectedAsync(this HttpClient client, string goalId, long version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await client.GetAsync($"/v1/goals/{goalId}?minVersion={version}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (!response.Headers.Contains("Lifestyle-Consistency"))
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"read model of {goalId} still behind version {version} after 20 s");
        }
    }
}
