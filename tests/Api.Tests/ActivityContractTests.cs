using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>Success shapes of activity commands, auto-completion, and the public endpoints.</summary>
[Collection(ApiCollection.Name)]
public sealed class ActivityContractTests(ApiFixture api)
{
    [Fact]
    public async Task Logging_answers_201_with_goal_id_activity_id_and_version()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        var response = await client.LogAsync(goalId, new { value = 2.5, note = "morning" });

        var body = await response.ShouldSucceedAsync(HttpStatusCode.Created);
        Assert.Equal(["activityId", "goalId", "version"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(goalId, (string?)body["goalId"]);
        Assert.Matches("^act_[0-9a-f]{16}$", (string)body["activityId"]!);
        Assert.Equal(2L, (long)body["version"]!);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Removing_an_activity_answers_200_with_goal_id_and_version()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var activityId = await client.LogActivityIdAsync(goalId, 2);

        var body = await (await client.RemoveActivityAsync(goalId, activityId)).ShouldSucceedAsync(HttpStatusCode.OK);

        Assert.Equal(["goalId", "version"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(goalId, (string?)body["goalId"]);
        Assert.Equal(3L, (long)body["version"]!);
        var removed = (await api.EventItemsAsync(user, goalId))[^1];
        Assert.Equal("activity-removed.v1", removed["eventType"].S);
        Assert.Equal(activityId, removed["data"].M["activityId"].S);
    }

    [Fact]
    public async Task An_activity_reaching_a_total_target_answers_two_versions_on_and_completes_the_goal()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Total(target: 10));
        Assert.Equal(2L, await client.LogAsync(goalId, new { value = 4 }).VersionAsync(HttpStatusCode.Created));

        var reaching = await (await client.LogAsync(goalId, new { value = 6 })).ShouldSucceedAsync(HttpStatusCode.Created);

        Assert.Equal(4L, (long)reaching["version"]!);
        Assert.Equal("completed", (await api.GoalHeadAsync(user, goalId))["status"].S);
        Assert.Equal("goal-completed.v1", (await api.EventItemsAsync(user, goalId))[^1]["eventType"].S);
        await (await client.LogAsync(goalId, new { value = 1 })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-already-completed");
    }

    [Fact]
    public async Task An_activity_staying_below_a_total_target_does_not_complete_the_goal()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Total(target: 10));

        Assert.Equal(2L, await client.LogAsync(goalId, new { value = 9.99 }).VersionAsync(HttpStatusCode.Created));

        Assert.Equal("active", (await api.GoalHeadAsync(user, goalId))["status"].S);
    }

    [Fact]
    public async Task Templates_are_public_and_list_the_five_seeded_ones()
    {
        using var client = api.AnonymousClient();

        var body = await (await client.GetAsync("/v1/templates")).ShouldSucceedAsync(HttpStatusCode.OK);

        var ids = body["items"]!.AsArray().Select(t => (string?)t!["templateId"]).Order(StringComparer.Ordinal);
        Assert.Equal(["exercise-30min-3x-week", "meditate-10min-daily", "sleep-8-hours", "walk-10000-steps", "water-8-glasses"], ids);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_a_token(string path)
    {
        using var client = api.AnonymousClient();

        var response = await client.GetAsync(path);

        await response.ShouldSucceedAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_openapi_document_is_public_json_describing_the_goal_routes()
    {
        using var client = api.AnonymousClient();

        var response = await client.GetAsync("/openapi/v1.json");

        var document = await response.ShouldSucceedAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();
        Assert.Contains("/v1/goals", paths.Select(p => p.Key));
        Assert.Contains("/v1/goals/{goalId}/activities", paths.Select(p => p.Key));
        Assert.IsType<JsonObject>(paths["/v1/goals"]!["post"]);
    }
}
