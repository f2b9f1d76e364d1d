using System.Diagnostics;
using System.Text.Json.Nodes;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Jobs;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;
using static Lifestyle.Stack.Tests.NotificationTests;

namespace Lifestyle.Stack.Tests.Insights;

/// <summary>
/// A daily close whose Redis writes fail must not leave the previous close's copy to be served for the TTL: the copy is
/// marked for repair in the table and dropped once Redis answers, so readers refill from the table (product-rules §8a).
/// </summary>
[Collection(InsightsCollection.Name)]
public sealed class InsightsCacheRepairTests(NotificationStackFixture fixture)
{
    private StackFixture Stack => fixture.Stack;

    [Fact]
    public async Task A_close_that_could_not_write_redis_is_served_from_the_table_once_redis_answers_not_the_previous_close()
    {
        var userId = StackFixture.NewUserId();
        using var client = Stack.ClientFor(userId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var yesterday = today.AddDays(-1);
        var goal = await client.CreateGoalAsync(new { title = "Stretch", pattern = "daily", target = 1, startDate = Day(today.AddDays(-3)) });
        await client.GoalAtAsync(goal, await client.LogAsync(goal, 1, Noon(today.AddDays(-3))));
        var close = fixture.Get<DailyCloseJob>();
        await close.RunAsync(yesterday, default);
        Assert.Equal(1, DaysMet(await client.GetFromJsonAsync("/v1/insights")));

        await client.GoalAtAsync(goal, await client.LogAsync(goal, 1, Noon(yesterday)));
        Stack.Redis.Hang(true);
        try
        {
            await close.RunAsync(yesterday, default);
        }
        finally
        {
            Stack.Redis.Hang(false);
        }

        var verifier = fixture.Get<InsightsVerifier>();
        var clock = Stopwatch.StartNew();
        while (DaysMet(await client.GetFromJsonAsync("/v1/insights")) != 2)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the previous close's Redis copy is still served (skip window 5 s)");
            await Task.Delay(200);
        }

        Assert.Empty(await verifier.VerifyUserAsync(userId, ReadModelKeys.Live, default));
        Assert.Empty(await verifier.VerifyStatsAsync(ReadModelKeys.Live, default));
    }

    private static int DaysMet(JsonObject insights) => (int)insights["items"]!.AsArray().Single()!["daysMet"]!;
}
