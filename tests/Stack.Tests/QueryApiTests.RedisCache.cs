using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using StackExchange.Redis;
using Xunit;

namespace Lifestyle.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class QueryApiRedisCacheTests(StackFixture stack)
{
    [Fact]
    public async Task A_read_leaves_the_goal_in_Redis_and_the_API_answers_what_Redis_holds()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8 });
        var version = await client.LogAsync(goalId, 3);
        await client.GoalAtAsync(goalId, version);
        using var redis = await ConnectionMultiplexer.ConnectAsync(stack.Redis.Configuration);
        var db = redis.GetDatabase();
        var key = $"lifestyle:v1:goal:{userId}:{goalId}";

        Assert.True(await db.KeyExistsAsync(key), $"{key} is not in Redis after a read");
        Assert.Equal(version, (long)await db.HashGetAsync(key, "version"));
        var original = (string)(await db.HashGetAsync(key, "data"))!;
        var changed = JsonNode.Parse(original)!;
        foreach (var period in changed["definitions"]!.AsArray())
        {
            period!["definition"]!["title"] = "Only in Redis";
        }

        await db.HashSetAsync(key, "data", changed.ToJsonString());
        try
        {
            Assert.Equal("Only in Redis", (string?)(await client.GetJsonAsync($"/v1/goals/{goalId}"))["title"]);
            Assert.Equal("Only in Redis", (string?)(await client.GetJsonAsync("/v1/goals"))["items"]![0]!["title"]);
            Assert.Equal("Only in Redis", (string?)(await client.GetJsonAsync("/v1/dashboard"))["goals"]![0]!["title"]);
        }
        finally
        {
            await db.HashSetAsync(key, "data", original);
        }

        Assert.Equal("Water", (string?)(await client.GetJsonAsync($"/v1/goals/{goalId}"))["title"]);
    }

    [Fact]
    public async Task A_goal_missing_from_Redis_is_answered_from_the_table_and_put_back_in_Redis()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8 });
        var version = await client.LogAsync(goalId, 3);
        var before = await client.GoalAtAsync(goalId, version);
        using var redis = await ConnectionMultiplexer.ConnectAsync(stack.Redis.Configuration);
        var db = redis.GetDatabase();
        var key = $"lifestyle:v1:goal:{userId}:{goalId}";
        var cached = (string)(await db.HashGetAsync(key, "data"))!;

        Assert.True(await db.KeyDeleteAsync(key));
        await db.KeyDeleteAsync($"lifestyle:v1:goals:{userId}");
        var fromTable = await client.GetJsonAsync($"/v1/goals/{goalId}");

        Assert.True(JsonNode.DeepEquals(before, fromTable), $"{before.ToJsonString()}\n{fromTable.ToJsonString()}");
        Assert.Equal(version, (long)await db.HashGetAsync(key, "version"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cached), JsonNode.Parse((string)(await db.HashGetAsync(key, "data"))!)));
        Assert.Equal(new[] { goalId }, QueryApi.Ids((await client.GetJsonAsync("/v1/goals"))["items"]));
        Assert.Equal(new[] { goalId }, (await db.SetMembersAsync($"lifestyle:v1:goals:{userId}")).Select(m => (string)m!));
    }
}
