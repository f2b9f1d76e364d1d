using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// Commands through HTTP → DynamoDB Local's stream → the local consumer → the table read
/// models and the Redis copy, each at the command's version within a second of the command's answer
/// (the streak item only when its figures changed).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ProjectorTests(StackFixture stack)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private sealed record Projected(
        Dictionary<string, AttributeValue> Progress, Dictionary<string, AttributeValue> Streak,
        Dictionary<string, AttributeValue>? Snapshot, Dictionary<string, AttributeValue> Rollup);

    [Fact]
    public async Task Each_command_brings_progress_streak_snapshot_rollup_and_the_redis_copy_to_its_version_within_a_second()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var days = new LocalDays("Asia/Tokyo");
        var today = days.Today;
        var yesterday = today.AddDays(-1);
        await WarmUpAsync(client, user);

        var created = await client.SendOkAsync(HttpMethod.Post, "/v1/goals",
            new { title = "Water", pattern = "daily", target = 8, startDate = LocalDays.Iso(today.AddDays(-3)), timezone = days.Zone },
            HttpStatusCode.Created);
        var goalId = (string)created["goalId"]!;
        var v1 = await ProjectedWithinBoundAsync(user, goalId, (long)created["version"]!, day: null, today);
        Assert.Equal(1, ItemText.VersionOf(v1.Progress));
        Assert.Equal((0m, 0m), (v1.Progress["progress"].M.Number("total"), v1.Progress["progress"].M.Number("logCount")));

        // v2: 5 glasses yesterday → yesterday's snapshot 5 / 1 log / not met (5 < 8).
        var v2 = await ProjectedWithinBoundAsync(user, goalId, await client.LogAsync(goalId, 5, days.Noon(yesterday)), yesterday, today);
        Assert.Equal((5m, 1m, false), Snapshot(v2.Snapshot!));
        Assert.Equal(1, ItemText.VersionOf(v2.Streak)); // an unmet day changes no streak figure: the item stays as v1 wrote it

        // v3: +3 yesterday → 8 / 2 logs / met (8 ≥ 8). Streak as of today: t-3, t-2 unmet, t-1 met, today
        // not yet → current 1 (the run ending yesterday), longest 1, at risk. Progress: today 0 of 8.
        var v3 = await ProjectedWithinBoundAsync(user, goalId, await client.LogAsync(goalId, 3, days.Noon(yesterday)), yesterday, today);
        Assert.Equal((8m, 2m, true), Snapshot(v3.Snapshot!));
        Assert.Equal(3, ItemText.VersionOf(v3.Streak));
        var streak = v3.Streak["streak"].M;
        Assert.Equal((1m, 1m, "days", true), (streak.Number("current"), streak.Number("longest"), streak["unit"].S, streak["atRisk"].BOOL));
        var progress = v3.Progress["progress"].M;
        Assert.Equal((0m, 8m, 2m, false), (progress.Number("current"), progress.Number("total"), progress.Number("logCount"), progress["targetReached"].BOOL));
        // The week of yesterday: 8 in 2 logs on 1 active day, 1 day met; not met, since it also holds an
        // evaluated day without activity (today, or t-2 when yesterday was a Sunday).
        var rollup = (await stack.GetItemAsync(user, $"ROLLUP#{goalId}#{LocalDays.Week(yesterday)}"))!;
        Assert.Equal(3, ItemText.VersionOf(rollup));
        Assert.Equal((8m, 2m, 1m, 1m, false),
            (rollup.Number("total"), rollup.Number("logCount"), rollup.Number("activeDays"), rollup.Number("daysMet"), rollup["met"].BOOL));

        // v4: 9 today → today's snapshot 9 / 1 / met; progress 9 of 8 = 112.5 %, reached; total 17 in 3 logs;
        // streak t-1, today → current 2, longest 2, not at risk. Yesterday's snapshot keeps version 3.
        var v4 = await ProjectedWithinBoundAsync(user, goalId, await client.LogAsync(goalId, 9, days.At(today, 0, 1)), today, today);
        Assert.Equal((9m, 1m, true), Snapshot(v4.Snapshot!));
        progress = v4.Progress["progress"].M;
        Assert.Equal((9m, 8m, 112.5m, true, 17m, 3m),
            (progress.Number("current"), progress.Number("target"), progress.Number("percent"), progress["targetReached"].BOOL,
                progress.Number("total"), progress.Number("logCount")));
        Assert.Equal(4, ItemText.VersionOf(v4.Streak));
        streak = v4.Streak["streak"].M;
        Assert.Equal((2m, 2m, false), (streak.Number("current"), streak.Number("longest"), streak["atRisk"].BOOL));
        var state = JsonNode.Parse(v4.Progress["state"].S)!;
        Assert.Equal((4L, 17m), ((long)state["version"]!, (decimal)state["total"]!));
        Assert.Equal(3, ItemText.VersionOf((await stack.GetItemAsync(user, $"PROGRESS#{goalId}#{LocalDays.Iso(yesterday)}"))!));

        // docs/product-rules.md §2: a snapshot expires 90 days after its date (allowing for the zone of that date's midnight);
        // rollups are kept forever; the Redis copy of a goal view lives 1 h (docs/product-rules.md §2).
        var expires = new DateTimeOffset(today.AddDays(90).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.InRange(v4.Snapshot!.Number("ttl"), expires.AddHours(-14).ToUnixTimeSeconds(), expires.AddHours(38).ToUnixTimeSeconds());
        Assert.False(v4.Rollup.ContainsKey("ttl"));
        Assert.InRange(await stack.CachedTtlAsync(user, goalId) ?? TimeSpan.Zero, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));
    }

    /// <summary>
    /// The bound is about a running system: the first projection in a fresh process also pays for JIT
    /// and connections, so one goal goes through every path (table and Redis) before anything is timed.
    /// </summary>
    private async Task WarmUpAsync(HttpClient client, string user)
    {
        var goalId = await client.CreateGoalAsync(new { title = "Warm-up", pattern = "daily", target = 1 });
        var version = await client.LogAsync(goalId, 1);
        var clock = Stopwatch.StartNew();
        await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", version, clock, TimeSpan.FromSeconds(10));
        await stack.WaitForCachedVersionAsync(user, goalId, version, clock, TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Polls, from the moment the command answered, the goal's PROGRESS#, the snapshot of
    /// <paramref name="day"/>, the rollups of its week and of today's week, and the Redis hash, until
    /// each holds <paramref name="version"/>; fails if any takes longer than a second. STREAK# is read
    /// once progress is there (a pass writes progress last).
    /// </summary>
    private async Task<Projected> ProjectedWithinBoundAsync(string user, string goalId, long version, DateOnly? day, DateOnly today)
    {
        var clock = Stopwatch.StartNew();
        var progress = await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", version, clock, Bound);
        // Written before progress, and only when its figures change (so its version may be older).
        var streak = (await stack.GetItemAsync(user, $"STREAK#{goalId}"))!;
        var rollup = await stack.WaitForVersionAsync(user, $"ROLLUP#{goalId}#{LocalDays.Week(today)}", version, clock, Bound);
        Dictionary<string, AttributeValue>? snapshot = null;
        if (day is { } d)
        {
            snapshot = await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}#{LocalDays.Iso(d)}", version, clock, Bound);
            await stack.WaitForVersionAsync(user, $"ROLLUP#{goalId}#{LocalDays.Week(d)}", version, clock, Bound);
        }

        await stack.WaitForCachedVersionAsync(user, goalId, version, clock, Bound);
        return new Projected(progress, streak, snapshot, rollup);
    }

    private static (decimal Total, decimal LogCount, bool? Met) Snapshot(Dictionary<string, AttributeValue> item) =>
        (item.Number("total"), item.Number("logCount"), item["met"].BOOL);
}
