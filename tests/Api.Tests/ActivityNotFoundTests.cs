using System.Globalization;
using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>activity-not-found (404): unknown, malformed, removed, foreign or non-activity ids; nothing is appended.</summary>
[Collection(ApiCollection.Name)]
public sealed class ActivityNotFoundTests(ApiFixture api)
{
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
}
