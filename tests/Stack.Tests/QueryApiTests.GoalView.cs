using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class QueryApiGoalViewTests(StackFixture stack)
{
    private static readonly string[] GoalViewFields =
    [
        "goalId", "title", "pattern", "status", "target", "unit", "timesPerWeek", "milestones", "startDate", "endDate",
        "timezone", "createdAt", "version", "projection", "progress", "streak",
    ];

    private static readonly string[] ProgressFields = ["period", "periodStart", "current", "target", "percent", "targetReached", "total", "logCount"];

    private static readonly string[] StreakFields = ["current", "longest", "unit", "atRisk"];

    [Fact]
    public async Task Goal_view_has_every_field_of_the_spec_with_the_goals_values()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Gym", pattern = "weekly", target = 30, unit = "minutes", timesPerWeek = 3, timezone = clock.Zone,
        });

        var view = await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 40, clock.At(0, -30)));

        AssertHasFields(view, GoalViewFields);
        AssertHasFields(view["progress"]!.AsObject(), ProgressFields);
        AssertHasFields(view["streak"]!.AsObject(), StreakFields);
        Assert.False(view.ContainsKey("reachedMilestones"), "reachedMilestones is for milestones goals only");
        Assert.Equal((goalId, "Gym", "weekly", "active"), ((string)view["goalId"]!, (string)view["title"]!, (string)view["pattern"]!, (string)view["status"]!));
        Assert.Equal((30m, "minutes", 3, 2L), ((decimal)view["target"]!, (string)view["unit"]!, (int)view["timesPerWeek"]!, (long)view["version"]!));
        Assert.Equal("ok", (string?)view["projection"]);
        Assert.Null(view["milestones"]);
        Assert.Null(view["endDate"]);
        Assert.Equal((clock.Day(0), clock.Zone), ((string)view["startDate"]!, (string)view["timezone"]!));
        var createdAt = (string)view["createdAt"]!;
        Assert.EndsWith("Z", createdAt, StringComparison.Ordinal);
        Assert.InRange(DateTimeOffset.Parse(createdAt, CultureInfo.InvariantCulture), clock.Now.AddMinutes(-1), DateTimeOffset.UtcNow);
        var progress = view["progress"]!;
        Assert.Equal(("week", QueryApi.Date(QueryApi.Monday(clock.Today))), ((string)progress["period"]!, (string)progress["periodStart"]!));
        Assert.Equal((1m, 3m, 33.3m, false), ((decimal)progress["current"]!, (decimal)progress["target"]!, (decimal)progress["percent"]!, (bool)progress["targetReached"]!));
        Assert.Equal((40m, 1L), ((decimal)progress["total"]!, (long)progress["logCount"]!));
        var streak = view["streak"]!;
        Assert.Equal((0, 0, "weeks", false), ((int)streak["current"]!, (int)streak["longest"]!, (string)streak["unit"]!, (bool)streak["atRisk"]!));
    }

    [Fact]
    public async Task Milestones_goal_view_reports_reached_milestones_and_a_null_streak()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Run", pattern = "milestones", target = 20, milestones = new[] { 10, 20 }, unit = "km", timezone = clock.Zone,
        });
        var occurredAt = clock.At(0, -60);

        var view = await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 12, occurredAt));

        AssertHasFields(view, [.. GoalViewFields, "reachedMilestones"]);
        Assert.Null(view["streak"]);
        Assert.Equal(new[] { 10m, 20m }, view["milestones"]!.AsArray().Select(m => (decimal)m!));
        Assert.Equal(("all", 12m, 20m, 60m), ((string)view["progress"]!["period"]!, (decimal)view["progress"]!["current"]!,
            (decimal)view["progress"]!["target"]!, (decimal)view["progress"]!["percent"]!));
        var reached = Assert.Single(view["reachedMilestones"]!.AsArray())!;
        Assert.Equal(10m, (decimal)reached["threshold"]!);
        Assert.Equal(DateTimeOffset.Parse(occurredAt, CultureInfo.InvariantCulture), DateTimeOffset.Parse((string)reached["reachedAt"]!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Goal_view_ETag_is_the_version_and_a_matching_If_None_Match_answers_304_with_no_body()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8 });
        var version = await client.LogAsync(goalId, 1);
        await client.GoalAtAsync(goalId, version);
        var path = $"/v1/goals/{goalId}";

        var (ok, _) = await client.GetRawAsync(path);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal($"\"{version}\"", ok.Headers.ETag?.ToString());

        var (notModified, empty) = await client.GetRawAsync(path, "If-None-Match", $"\"{version}\"");
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("", empty);
        Assert.Equal($"\"{version}\"", notModified.Headers.ETag?.ToString());

        var newer = await client.LogAsync(goalId, 2);
        await client.GoalAtAsync(goalId, newer);
        var (stale, body) = await client.GetRawAsync(path, "If-None-Match", $"\"{version}\"");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal($"\"{newer}\"", stale.Headers.ETag?.ToString());
        Assert.Equal(newer, (long)JsonNode.Parse(body)!["version"]!);
        Assert.Equal(3m, (decimal)JsonNode.Parse(body)!["progress"]!["current"]!);
    }

    private static void AssertHasFields(JsonObject json, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            Assert.True(json.ContainsKey(field), $"'{field}' missing in {json.ToJsonString()}");
        }

        Assert.Empty(json.Select(p => p.Key).Except(fields));
    }
}
