using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>A Redis copy that failed is marked for repair in the table, so a restarted projector still repairs it.</summary>
[Collection(RedisOutageCollection.Name)]
public sealed class RedisRepairMarkTests(StackFixture stack)
{
    [Fact]
    public async Task With_redis_hung_the_projector_marks_the_goal_for_repair_in_the_table_at_the_projected_version()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var goalId = await client.CreateGoalAsync(new { title = "Read", pattern = "daily", target = 8, timezone = "Europe/Berlin" });
        await stack.WaitForCachedVersionAsync(user, goalId, await client.LogAsync(goalId, 1), Stopwatch.StartNew(), TimeSpan.FromSeconds(5));

        long version;
        stack.Redis.Hang(true);
        try
        {
            version = await client.LogAsync(goalId, 2);
            var clock = Stopwatch.StartNew();
            while (await MarkedVersionAsync(user, goalId) != version)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "no repair mark at the projected version in the table");
                await Task.Delay(50);
            }
        }
        finally
        {
            stack.Redis.Hang(false);
        }

        await stack.WaitForCachedVersionAsync(user, goalId, version, Stopwatch.StartNew(), TimeSpan.FromSeconds(15));
        var cleared = Stopwatch.StartNew();
        while (await MarkedVersionAsync(user, goalId) is not null)
        {
            Assert.True(cleared.Elapsed < TimeSpan.FromSeconds(10), "the repair mark stayed after the repair (skip window 5 s)");
            await Task.Delay(50);
        }

    }

    [Fact]
    public async Task A_mark_left_by_an_earlier_process_is_repaired_by_a_new_one_from_the_table()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var goalId = await client.CreateGoalAsync(new { title = "Walk", pattern = "daily", target = 3, timezone = "Europe/Berlin" });
        var version = await client.LogAsync(goalId, 1);
        await stack.WaitForCachedVersionAsync(user, goalId, version, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));

        // What a projector that died while Redis was hung leaves behind: a lost copy and its mark.
        using (var redis = await ConnectionMultiplexer.ConnectAsync(stack.Redis.Configuration))
        {
            await redis.GetDatabase().KeyDeleteAsync($"lifestyle:v1:goal:{user}:{goalId}");
        }

        using var fresh = StackFixture.BuildProjector(stack.Settings);
        await fresh.Services.GetRequiredService<CacheRepairMarks>().MarkAsync(new CacheRepairMark("v1", user, goalId, version), CancellationToken.None);
        await fresh.Services.GetRequiredService<CacheWriter>().RepairAsync(CancellationToken.None);

        Assert.Equal(version, await stack.CachedVersionAsync(user, goalId));
        Assert.Null(await MarkedVersionAsync(user, goalId));
    }

    private async Task<long?> MarkedVersionAsync(string user, string goalId)
    {
        var item = await stack.Services.GetRequiredService<IAmazonDynamoDB>().GetItemAsync(new GetItemRequest
        {
            TableName = stack.Settings["DynamoDb:TableName"],
            ConsistentRead = true,
            Key = new() { [Keys.PK] = new(CacheRepairMarks.Partition(user)), [Keys.SK] = new($"{user}#v1#{goalId}") },
        });
        return item.Item is { Count: > 0 } i ? long.Parse(i["version"].N, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
