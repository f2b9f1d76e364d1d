using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class QueryApiReadYourWritesTests(StackFixture stack)
{
    private const string Consistency = "Lifestyle-Consistency";

    [Fact]
    public async Task MinVersion_right_after_a_command_answers_at_that_version_without_a_consistency_header()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8 });
        var versions = new List<long> { 1, await client.LogAsync(goalId, 3) };
        versions.Add(await client.LogAsync(goalId, 2));
        versions.Add(await client.TransitionAsync(goalId, "pause"));

        foreach (var version in versions.Skip(1))
        {
            var (response, body) = await client.GetRawAsync($"/v1/goals/{goalId}?minVersion={version}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains(Consistency), $"stale at minVersion {version}");
            Assert.True((long)JsonNode.Parse(body)!["version"]! >= version, body);
        }

        var latest = await client.GoalAtAsync(goalId, versions[^1]);
        Assert.Equal(("paused", 5m), ((string)latest["status"]!, (decimal)latest["progress"]!["total"]!));
    }

    [Fact]
    public async Task MinVersion_far_ahead_answers_after_about_2_seconds_as_stale_with_the_current_view()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8 });
        var version = await client.LogAsync(goalId, 3);
        await client.GoalAtAsync(goalId, version);

        var watch = Stopwatch.StartNew();
        var (response, body) = await client.GetRawAsync($"/v1/goals/{goalId}?minVersion={version + 5}");
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(5));
        Assert.Equal("stale", Assert.Single(response.Headers.GetValues(Consistency)));
        Assert.Equal($"\"{version}\"", response.Headers.ETag?.ToString());
        var view = JsonNode.Parse(body)!;
        Assert.Equal((version, 3m), ((long)view["version"]!, (decimal)view["progress"]!["current"]!));
    }

    [Fact]
    public async Task Lifestyle_Min_Version_header_makes_the_listing_and_the_dashboard_show_the_goal_just_written()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var earlier = await client.CreateGoalAsync(new { title = "Earlier", pattern = "daily", target = 1 });
        await client.GoalAtAsync(earlier, 1);
        Assert.Single((await client.GetJsonAsync("/v1/goals"))["items"]!.AsArray()); // The listing is cached now.

        var listed = await client.CreateGoalAsync(new { title = "Listed", pattern = "daily", target = 1 });
        var (list, listBody) = await client.GetRawAsync("/v1/goals", "Lifestyle-Min-Version", $"{listed}:1");
        Assert.False(list.Headers.Contains(Consistency), listBody);
        Assert.Equal(new[] { earlier, listed }, QueryApi.Ids(JsonNode.Parse(listBody)!["items"]));

        var shown = await client.CreateGoalAsync(new { title = "Shown", pattern = "daily", target = 1 });
        var (dashboard, dashboardBody) = await client.GetRawAsync("/v1/dashboard", "Lifestyle-Min-Version", $"{shown}:1");
        Assert.False(dashboard.Headers.Contains(Consistency), dashboardBody);
        Assert.Equal(new[] { earlier, listed, shown }, QueryApi.Ids(JsonNode.Parse(dashboardBody)!["goals"]));
        Assert.Equal(3, (int)JsonNode.Parse(dashboardBody)!["summary"]!["activeGoals"]!);

        var paused = await client.TransitionAsync(earlier, "pause");
        var (afterPause, pausedBody) = await client.GetRawAsync("/v1/goals", "Lifestyle-Min-Version", $"{earlier}:{paused}");
        Assert.False(afterPause.Headers.Contains(Consistency), pausedBody);
        Assert.Equal(new[] { listed, shown }, QueryApi.Ids(JsonNode.Parse(pausedBody)!["items"]));

        var (ahead, _) = await client.GetRawAsync("/v1/dashboard", "Lifestyle-Min-Version", $"{shown}:9");
        Assert.Equal("stale", Assert.Single(ahead.Headers.GetValues(Consistency)));
        await client.ProblemAsync("/v1/goals?minVersion=1", HttpStatusCode.BadRequest, "validation-failed");
    }
}
