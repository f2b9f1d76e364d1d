using System.Collections.Concurrent;
using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>goal-quota-exceeded (409), also under concurrent creates, and version-mismatch (412).</summary>
[Collection(ApiCollection.Name)]
public sealed class ConflictErrorTests(ApiFixture api)
{
    [Fact]
    public async Task The_51st_open_goal_is_goal_quota_exceeded_until_one_is_archived()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var created = await CreateManyAsync(client, 50);
        await (await client.TransitionAsync(created[0], "pause")).ShouldSucceedAsync(HttpStatusCode.OK);

        var overQuota = await client.PostJsonAsync("/v1/goals", Goals.Daily());

        await overQuota.ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-quota-exceeded");
        Assert.Equal(50, (await api.GoalHeadItemsAsync(user)).Count);

        await (await client.TransitionAsync(created[1], "archive")).ShouldSucceedAsync(HttpStatusCode.OK);
        await client.CreateGoalAsync(Goals.Daily());
        await (await client.PostJsonAsync("/v1/goals", Goals.Daily())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-quota-exceeded");
        Assert.Equal(51, (await api.GoalHeadItemsAsync(user)).Count);
    }

    [Fact]
    public async Task Completing_a_goal_frees_a_place_in_the_quota()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var created = await CreateManyAsync(client, 50);
        await (await client.PostJsonAsync("/v1/goals", Goals.Daily())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-quota-exceeded");

        await (await client.TransitionAsync(created[0], "complete")).ShouldSucceedAsync(HttpStatusCode.OK);

        await client.CreateGoalAsync(Goals.Daily());
    }

    [Fact]
    public async Task Sixty_concurrent_creates_open_exactly_fifty_goals_and_the_rest_are_goal_quota_exceeded()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => client.PostJsonAsync("/v1/goals", Goals.Daily())));

        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-quota-exceeded");
        }

        Assert.Equal(50, (await api.GoalHeadItemsAsync(user)).Count);
    }

    [Fact]
    public async Task A_stale_if_match_is_version_mismatch_and_appends_nothing_while_the_current_one_applies()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        Assert.Equal(2L, await client.PatchGoalAsync(goalId, new { title = "Drink more water" }).VersionAsync());

        var stale = await client.PatchGoalAsync(goalId, new { title = "Stale" }, GoalApi.Header("If-Match", "\"1\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        Assert.Equal(2, (await api.EventItemsAsync(user, goalId)).Count);

        var current = await client.PatchGoalAsync(goalId, new { title = "Current" }, GoalApi.Header("If-Match", "\"2\""));
        var body = await current.ShouldSucceedAsync(HttpStatusCode.OK);
        Assert.Equal(3L, (long)body["version"]!);
        Assert.Equal("\"3\"", current.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("\"5\"")]
    [InlineData("W/\"1\"")]
    [InlineData("1")]
    public async Task Any_command_with_an_if_match_other_than_the_current_version_is_version_mismatch(string ifMatch)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var activityId = await client.LogActivityIdAsync(goalId, 1);
        var header = GoalApi.Header("If-Match", ifMatch);

        await (await client.LogAsync(goalId, new { value = 1 }, header)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        await (await client.TransitionAsync(goalId, "pause", header)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        await (await client.RemoveActivityAsync(goalId, activityId, header)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        Assert.Equal(2, (await api.EventItemsAsync(user, goalId)).Count);
    }

    [Theory]
    [InlineData("W/\"2\"")]
    [InlineData("2")]
    [InlineData("*")]
    public async Task An_if_match_of_the_current_version_or_star_applies(string ifMatch)
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        await client.LogActivityIdAsync(goalId, 1);

        var response = await client.LogAsync(goalId, new { value = 1 }, GoalApi.Header("If-Match", ifMatch));

        Assert.Equal(3L, (long)(await response.ShouldSucceedAsync(HttpStatusCode.Created))["version"]!);
    }

    private static async Task<List<string>> CreateManyAsync(HttpClient client, int count)
    {
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 5 },
            async (_, _) => ids.Add(await client.CreateGoalAsync(Goals.Daily())));
        Assert.Equal(count, ids.Distinct().Count());
        return [.. ids];
    }
}
