using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>A stack of its own: these tests stop its Redis.</summary>
[CollectionDefinition("queries-without-redis")]
public sealed class QueriesWithoutRedisCollection : ICollectionFixture<StackFixture>;

[Collection("queries-without-redis")]
public sealed class QueryApiWithoutRedisTests(StackFixture stack)
{
    [Fact]
    public async Task With_Redis_stopped_every_query_gives_the_same_answer_from_the_table_and_ready_reports_degraded()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var daily = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 2, startDate = clock.Day(-9), timezone = clock.Zone });
        var total = await client.CreateGoalAsync(new { title = "Books", pattern = "total", target = 50, timezone = clock.Zone });
        var paused = await client.CreateGoalAsync(new { title = "Paused", pattern = "weekly", target = 1, timesPerWeek = 2, timezone = clock.Zone });
        var logDays = new[] { -8, -7, -7, -3, -1, 0 };
        for (var i = 0; i < logDays.Length; i++)
        {
            await client.LogAsync(daily, 1.5m, clock.At(logDays[i], -10 * i), $"log {i}");
        }

        var (removed, _) = await client.LogWithIdAsync(daily, 9, clock.At(-2));
        await client.GoalAtAsync(daily, await client.RemoveActivityAsync(daily, removed));
        await client.GoalAtAsync(total, await client.LogAsync(total, 20, clock.At(0, -10)));
        await client.GoalAtAsync(paused, await client.TransitionAsync(paused, "pause"));

        var firstPage = await client.GetJsonAsync($"/v1/goals/{daily}/activities?limit=2");
        var paths = new[]
        {
            $"/v1/goals/{daily}", $"/v1/goals/{total}", $"/v1/goals/{paused}", "/v1/goals", "/v1/goals?status=all",
            "/v1/goals?status=all&limit=2", $"/v1/goals/{daily}/days?from={clock.Day(-9)}&to={clock.Day(0)}",
            $"/v1/goals/{daily}/days", $"/v1/goals/{daily}/weeks", $"/v1/goals/{total}/weeks?from={QueryApi.WeekLabel(clock.Today.AddDays(-20))}",
            $"/v1/goals/{daily}/activities", $"/v1/goals/{daily}/activities?limit=2",
            $"/v1/goals/{daily}/activities?limit=2&cursor={Uri.EscapeDataString((string)firstPage["nextCursor"]!)}",
            "/v1/dashboard",
        };
        var withRedis = new List<JsonObject>();
        foreach (var path in paths)
        {
            withRedis.Add(await client.GetJsonAsync(path));
        }

        Assert.Equal(2, (int)withRedis[^1]["summary"]!["activeGoals"]!);
        stack.Redis.Stop();
        try
        {
            var ready = await WaitForReadyAsync("degraded");
            Assert.Equal(("up", "down"), ((string?)ready["checks"]!["dynamodb"], (string?)ready["checks"]!["redis"]));

            for (var i = 0; i < paths.Length; i++)
            {
                var withoutRedis = await client.GetJsonAsync(paths[i]);
                Assert.True(JsonNode.DeepEquals(withRedis[i], withoutRedis),
                    $"GET {paths[i]} differs without Redis:\n{withRedis[i].ToJsonString()}\n{withoutRedis.ToJsonString()}");
            }

            var (etagged, _) = await client.GetRawAsync($"/v1/goals/{daily}", "If-None-Match", $"\"{(long)withRedis[0]["version"]!}\"");
            Assert.Equal(HttpStatusCode.NotModified, etagged.StatusCode);
        }
        finally
        {
            await stack.Redis.StartAsync();
        }

        await WaitForReadyAsync("ready");
    }

    /// <summary>Polls /health/ready (always 200 while DynamoDB is up) until it reports <paramref name="status"/>.</summary>
    private async Task<JsonObject> WaitForReadyAsync(string status)
    {
        using var anonymous = stack.Api.CreateClient();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var ready = await anonymous.GetJsonAsync("/health/ready");
            if ((string?)ready["status"] == status)
            {
                return ready;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"/health/ready still {ready.ToJsonString()}, expected {status}");
            await Task.Delay(100);
        }
    }
}
