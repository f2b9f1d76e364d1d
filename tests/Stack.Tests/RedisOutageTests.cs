using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>A stack of its own: these tests stop Redis, which no other test class may see.</summary>
[CollectionDefinition(Name)]
public sealed class RedisOutageCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "redis-outage";
}

/// <summary>Redis stopped mid-run → the table read models stay right; Redis catches up when it returns.</summary>
[Collection(RedisOutageCollection.Name)]
public sealed class RedisOutageTests(StackFixture stack)
{
    [Fact]
    public async Task With_redis_down_commands_projections_and_reads_work_from_the_table_and_redis_catches_up_when_it_returns()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var days = new LocalDays("America/New_York");
        var today = days.Today;
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Water", pattern = "daily", target = 8, startDate = LocalDays.Iso(today.AddDays(-1)), timezone = days.Zone,
        });
        var version = await client.LogAsync(goalId, 3, days.At(today, 0, 1));
        await stack.WaitForCachedVersionAsync(user, goalId, version, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));

        stack.Redis.Stop();
        try
        {
            // Commands still succeed: 4 yesterday (v3), 2 more today (v4).
            await client.LogAsync(goalId, 4, days.Noon(today.AddDays(-1)));
            version = await client.LogAsync(goalId, 2, days.At(today, 0, 2));
            Assert.Equal(4, version);

            var clock = Stopwatch.StartNew();
            // (STREAK# keeps its version: no streak figure changes.)
            foreach (var sk in new[] { $"PROGRESS#{goalId}", $"PROGRESS#{goalId}#{LocalDays.Iso(today)}" })
            {
                await stack.WaitForVersionAsync(user, sk, version, clock, TimeSpan.FromSeconds(5));
            }

            var snapshot = (await stack.GetItemAsync(user, $"PROGRESS#{goalId}#{LocalDays.Iso(today)}"))!;
            Assert.Equal((5m, 2m), (snapshot.Number("total"), snapshot.Number("logCount")));
            Assert.Null(await stack.CachedVersionAsync(user, goalId));

            // Reads answer from the table: today 3 + 2 = 5 of 8 → 62.5 %; all time 3 + 4 + 2 = 9 in 3 logs.
            var view = await client.GoalAtAsync(goalId, version);
            Assert.Equal(version, (long)view["version"]!);
            Figures.Progress(view, "day", today, 5, 8, 62.5m, false, 9, 3);
            // Yesterday 4 < 8 unmet, today 5 < 8 not yet → no run; longest 0.
            Figures.Streak(view, 0, 0, "days", false);

            var (status, health) = await ReadinessAsync(client, "degraded");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(("degraded", "up", "down"),
                ((string)health["status"]!, (string)health["checks"]!["dynamodb"]!, (string)health["checks"]!["redis"]!));
        }
        finally
        {
            await stack.Redis.StartAsync();
        }

        // Nothing reads the goal through the API from here on: the copy must come from the projector's repair.
        await stack.WaitForCachedVersionAsync(user, goalId, version, Stopwatch.StartNew(), TimeSpan.FromSeconds(10));
        var (_, ready) = await ReadinessAsync(client, "ready");
        Assert.Equal("ready", (string)ready["status"]!);
    }

    /// <summary>/health/ready, polled briefly until it reports <paramref name="expected"/> (the API notices Redis going away or back within moments).</summary>
    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadinessAsync(HttpClient client, string expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            if ((string)body["status"]! == expected || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(50);
        }
    }
}
