using System.Diagnostics;
using System.Net;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;
using Xunit.Abstractions;

namespace Lifestyle.Stack.Tests;

/// <summary>Spec §8a: while Redis is hung (SIGSTOP: connected, never answering), reads without minVersion answer within 1 s.</summary>
[Collection(RedisOutageCollection.Name)]
public sealed class RedisHangTests(StackFixture stack, ITestOutputHelper output)
{
    [Fact]
    public async Task With_redis_hung_goal_views_and_the_dashboard_answer_within_a_second()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var days = new LocalDays("Europe/Berlin");
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8, timezone = days.Zone });
        var version = await client.LogAsync(goalId, 3);
        await stack.WaitForCachedVersionAsync(user, goalId, version, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));
        // Warm: the first request of a process also pays for JIT, which is not what this measures.
        foreach (var path in new[] { $"/v1/goals/{goalId}", $"/v1/goals/{goalId}/days", "/v1/dashboard", "/v1/goals" })
        {
            (await client.GetAsync(path)).Dispose();
        }

        var times = new List<TimeSpan>();
        stack.Redis.Hang(true);
        try
        {
            foreach (var path in new[] { $"/v1/goals/{goalId}", $"/v1/goals/{goalId}", $"/v1/goals/{goalId}/days", "/v1/dashboard", "/v1/goals", $"/v1/goals/{goalId}" })
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                output.WriteLine($"{path}: {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                times.Add(clock.Elapsed);
            }

            Assert.All(times, t => Assert.True(t < TimeSpan.FromSeconds(1), $"took {t.TotalMilliseconds:0} ms"));
        }
        finally
        {
            stack.Redis.Hang(false);
        }
    }
}
