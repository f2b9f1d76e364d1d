using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>goal-archived, goal-already-completed and goal-paused (409): what each status refuses, and appends nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class GoalStatusErrorTests(ApiFixture api)
{
    [Fact]
    public async Task Every_command_on_an_archived_goal_is_goal_archived_including_archive_again()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var activityId = await client.LogActivityIdAsync(goalId, 1);
        Assert.Equal(3L, await client.TransitionAsync(goalId, "archive").VersionAsync());

        foreach (var command in Commands(client, goalId, activityId))
        {
            await (await command()).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-archived");
        }

        await (await client.TransitionAsync(goalId, "archive")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-archived");
        Assert.Equal(3, (await api.EventItemsAsync(user, goalId)).Count);
    }

    [Fact]
    public async Task Every_command_but_archive_on_a_completed_goal_is_goal_already_completed()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var activityId = await client.LogActivityIdAsync(goalId, 1);
        Assert.Equal(3L, await client.TransitionAsync(goalId, "complete").VersionAsync());

        foreach (var command in Commands(client, goalId, activityId))
        {
            await (await command()).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-already-completed");
        }

        Assert.Equal(3, (await api.EventItemsAsync(user, goalId)).Count);
    }

    [Fact]
    public async Task Archiving_a_completed_goal_succeeds_with_status_archived()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        await client.TransitionAsync(goalId, "complete").VersionAsync();

        var body = await (await client.TransitionAsync(goalId, "archive")).ShouldSucceedAsync(HttpStatusCode.OK);

        Assert.Equal("archived", (string?)body["status"]);
        Assert.Equal(3L, (long)body["version"]!);
    }

    [Fact]
    public async Task A_goal_completed_by_reaching_its_total_refuses_activities_as_goal_already_completed()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Total(target: 5));
        await client.LogActivityIdAsync(goalId, 5);

        var response = await client.LogAsync(goalId, new { value = 1 });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-already-completed");
    }

    [Fact]
    public async Task Logging_on_a_paused_goal_is_goal_paused_until_it_is_resumed()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        Assert.Equal(2L, await client.TransitionAsync(goalId, "pause").VersionAsync());

        var whilePaused = await client.LogAsync(goalId, new { value = 1 });
        await whilePaused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-paused");
        Assert.Equal(2, (await api.EventItemsAsync(user, goalId)).Count);

        Assert.Equal(3L, await client.TransitionAsync(goalId, "resume").VersionAsync());
        var afterResume = await (await client.LogAsync(goalId, new { value = 1 })).ShouldSucceedAsync(HttpStatusCode.Created);
        Assert.Equal(4L, (long)afterResume["version"]!);
    }

    [Fact]
    public async Task A_paused_goal_can_still_be_renamed_completed_or_archived()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var renamed = await client.CreateGoalAsync(Goals.Daily());
        var completed = await client.CreateGoalAsync(Goals.Daily());
        var archived = await client.CreateGoalAsync(Goals.Daily());
        foreach (var goalId in new[] { renamed, completed, archived })
        {
            await client.TransitionAsync(goalId, "pause").VersionAsync();
        }

        Assert.Equal(3L, await client.PatchGoalAsync(renamed, new { title = "Drink more water" }).VersionAsync());
        Assert.Equal("completed", (string?)(await (await client.TransitionAsync(completed, "complete")).ShouldSucceedAsync(HttpStatusCode.OK))["status"]);
        Assert.Equal("archived", (string?)(await (await client.TransitionAsync(archived, "archive")).ShouldSucceedAsync(HttpStatusCode.OK))["status"]);
    }

    /// <summary>Every command except archive.</summary>
    private static IEnumerable<Func<Task<HttpResponseMessage>>> Commands(HttpClient client, string goalId, string activityId) =>
    [
        () => client.PatchGoalAsync(goalId, new { title = "Renamed" }),
        () => client.TransitionAsync(goalId, "pause"),
        () => client.TransitionAsync(goalId, "resume"),
        () => client.TransitionAsync(goalId, "complete"),
        () => client.LogAsync(goalId, new { value = 1 }),
        () => client.RemoveActivityAsync(goalId, activityId),
    ];
}
