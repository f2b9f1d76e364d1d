using System.Globalization;
using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>goal-not-found and activity-not-found (404); another user's goal looks exactly like a missing one.</summary>
[Collection(ApiCollection.Name)]
public sealed class NotFoundTests(ApiFixture api)
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
    [InlineData("act_08de0000000000aa")]
    [InlineData("nope")]
    [InlineData("act_08DE0000000000AA")]
    [InlineData("act_08de0000000000a")]
    [InlineData("act_08de0000000000aaa")]
    [InlineData("act_zzzzzzzzzzzzzzzz")]
    public async Task Removing_an_unknown_or_malformed_activity_id_is_activity_not_found(string activityId)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        await client.LogActivityIdAsync(goalId, 1);

        var response = await client.RemoveActivityAsync(goalId, activityId);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "activity-not-found");
        Assert.Equal(2, (await api.EventItemsAsync(user, goalId)).Count);
    }

    [Fact]
    public async Task Removing_an_activity_twice_is_activity_not_found_the_second_time()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var activityId = await client.LogActivityIdAsync(goalId, 1);
        await client.LogActivityIdAsync(goalId, 2);

        var first = await client.RemoveActivityAsync(goalId, activityId);
        var second = await client.RemoveActivityAsync(goalId, activityId);

        await first.ShouldSucceedAsync(HttpStatusCode.OK);
        await second.ShouldBeProblemAsync(HttpStatusCode.NotFound, "activity-not-found");
        Assert.Equal(4, (await api.EventItemsAsync(user, goalId)).Count);
    }

    [Fact]
    public async Task Removing_an_activity_through_another_goal_of_the_same_user_is_activity_not_found()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalA = await client.CreateGoalAsync(Goals.Daily());
        var goalB = await client.CreateGoalAsync(Goals.Daily());
        var activityId = await client.LogActivityIdAsync(goalA, 1);

        var response = await client.RemoveActivityAsync(goalB, activityId);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "activity-not-found");
        Assert.Single(await api.EventItemsAsync(user, goalB));
        Assert.Equal(2, (await api.EventItemsAsync(user, goalA)).Count);
    }

    [Fact]
    public async Task Removing_a_non_activity_event_by_its_timestamp_id_is_activity_not_found()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var activityId = await client.LogActivityIdAsync(goalId, 1);
        var events = await api.EventItemsAsync(user, goalId);
        Assert.Equal(activityId, IdOf(events.Single(e => e["eventType"].S == "activity-logged.v1")));

        var response = await client.RemoveActivityAsync(goalId, IdOf(events.Single(e => e["eventType"].S == "goal-created.v1")));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "activity-not-found");
        Assert.Equal(2, (await api.EventItemsAsync(user, goalId)).Count);
    }

    /// <summary>The id an activity logged at this event's recordedAt would have (UTC ticks, hex).</summary>
    private static string IdOf(Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> item) =>
        "act_" + DateTimeOffset.Parse(item["recordedAt"].S, CultureInfo.InvariantCulture).UtcTicks.ToString("x16", CultureInfo.InvariantCulture);

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
