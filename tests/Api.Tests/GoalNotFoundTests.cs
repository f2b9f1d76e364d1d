using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>goal-not-found (404); another user's goal looks exactly like a missing one.</summary>
[Collection(ApiCollection.Name)]
public sealed class GoalNotFoundTests(ApiFixture api)
{
    private const string UnknownGoal = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Every_command_on_an_unknown_goal_is_goal_not_found()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        foreach (var command in Commands(client, UnknownGoal, "act_08de0000000000aa"))
        {
            await (await command()).ShouldBeProblemAsync(HttpStatusCode.NotFound, "goal-not-found");
        }
    }

    [Fact]
    public async Task Every_command_on_another_users_goal_is_goal_not_found_and_appends_nothing()
    {
        var owner = ApiFixture.NewUserId();
        using var ownerClient = api.ClientFor(owner);
        using var intruder = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await ownerClient.CreateGoalAsync(Goals.Daily());
        var activityId = await ownerClient.LogActivityIdAsync(goalId, 2);

        foreach (var command in Commands(intruder, goalId, activityId))
        {
            await (await command()).ShouldBeProblemAsync(HttpStatusCode.NotFound, "goal-not-found");
        }

        var withIfMatch = await intruder.PatchGoalAsync(goalId, new { title = "Mine now" }, GoalApi.Header("If-Match", "\"2\""));
        await withIfMatch.ShouldBeProblemAsync(HttpStatusCode.NotFound, "goal-not-found");
        Assert.Equal(2, (await api.EventItemsAsync(owner, goalId)).Count);
        Assert.Equal(3L, await ownerClient.PatchGoalAsync(goalId, new { title = "Still mine" }).VersionAsync());
    }

    [Fact]
    public async Task The_not_found_answer_for_another_users_goal_is_the_same_as_for_a_missing_goal()
    {
        using var ownerClient = api.ClientFor(ApiFixture.NewUserId());
        using var intruder = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await ownerClient.CreateGoalAsync(Goals.Daily());

        var foreign = await (await intruder.TransitionAsync(goalId, "pause")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "goal-not-found");
        var missing = await (await intruder.TransitionAsync(UnknownGoal, "pause")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "goal-not-found");

        Assert.Equal((string?)missing["title"], (string?)foreign["title"]);
        Assert.Equal(((string?)missing["detail"])!.Replace(UnknownGoal, goalId, StringComparison.Ordinal), (string?)foreign["detail"]);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(1019)]
    public async Task A_long_unknown_goal_id_is_goal_not_found(int length)
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        var response = await client.TransitionAsync(new string('a', length), "pause");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "goal-not-found");
    }

    [Fact]
    public async Task A_goal_id_too_long_for_a_storage_key_is_goal_not_found_not_a_500()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = new string('a', 1100);

        foreach (var command in Commands(client, goalId, "act_08de0000000000aa"))
        {
            await (await command()).ShouldBeProblemAsync(HttpStatusCode.NotFound, "goal-not-found");
        }
    }

    private static IEnumerable<Func<Task<HttpResponseMessage>>> Commands(HttpClient client, string goalId, string activityId) =>
    [
        () => client.PatchGoalAsync(goalId, new { title = "Renamed" }),
        () => client.TransitionAsync(goalId, "pause"),
        () => client.TransitionAsync(goalId, "resume"),
        () => client.TransitionAsync(goalId, "complete"),
        () => client.TransitionAsync(goalId, "archive"),
        () => client.LogAsync(goalId, new { value = 1 }),
        () => client.RemoveActivityAsync(goalId, activityId),
    ];
}
