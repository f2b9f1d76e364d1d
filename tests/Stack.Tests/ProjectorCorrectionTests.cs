using System.Diagnostics;
using System.Net;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// Backfilled and removed activities rewrite the read models of the days and weeks they
/// belong to; a day left without activities loses its snapshot (a fresh fold would not have one).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ProjectorCorrectionTests(StackFixture stack)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Backfilled_and_removed_activities_rewrite_snapshots_rollups_and_progress_and_an_emptied_day_loses_its_snapshot()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var days = new LocalDays("Asia/Tokyo");
        var (t, yesterday, backfilled) = (days.Today, days.Today.AddDays(-1), days.Today.AddDays(-3));
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Water", pattern = "daily", target = 8, startDate = LocalDays.Iso(t.AddDays(-3)), timezone = days.Zone,
        });
        var first = await LogAsync(client, goalId, 5, days.Noon(yesterday));
        var second = await LogAsync(client, goalId, 4, days.Noon(yesterday));
        // v4: a backfill three days ago, after yesterday's.
        var version = await client.LogAsync(goalId, 8, days.Noon(backfilled));

        await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", version, Stopwatch.StartNew(), Deadline);
        // Yesterday 5 + 4 = 9 ≥ 8 met; t−3 8 met; total 17 in 3 logs.
        Assert.Equal((9m, 2m, true), await SnapshotAsync(user, goalId, yesterday));
        Assert.Equal((8m, 1m, true), await SnapshotAsync(user, goalId, backfilled));
        Assert.Equal((17m, 3m), await TotalsAsync(user, goalId));
        var rollup = (await stack.GetItemAsync(user, $"ROLLUP#{goalId}#{LocalDays.Week(backfilled)}"))!;
        Assert.Equal(version, ItemText.VersionOf(rollup));

        // v5: remove the 5 → yesterday 4 < 8, unmet; total 12 in 2 logs.
        version = await RemoveAsync(client, goalId, first);
        await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", version, Stopwatch.StartNew(), Deadline);
        Assert.Equal((4m, 1m, false), await SnapshotAsync(user, goalId, yesterday));
        Assert.Equal((12m, 2m), await TotalsAsync(user, goalId));

        // v6: remove the 4 → yesterday has no activity: its snapshot is deleted; total 8 in 1 log.
        version = await RemoveAsync(client, goalId, second);
        await stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", version, Stopwatch.StartNew(), Deadline);
        Assert.Null(await stack.GetItemAsync(user, $"PROGRESS#{goalId}#{LocalDays.Iso(yesterday)}"));
        Assert.Equal((8m, 1m), await TotalsAsync(user, goalId));
        var week = (await stack.GetItemAsync(user, $"ROLLUP#{goalId}#{LocalDays.Week(yesterday)}"))!;
        Assert.Equal(version, ItemText.VersionOf(week));
        Assert.DoesNotContain(await stack.ReadModelsAsync(user, goalId), kv => kv.Key.EndsWith(LocalDays.Iso(yesterday), StringComparison.Ordinal));

        var list = await client.DaysAsync(goalId, backfilled, t, version);
        Figures.Day(list[0], backfilled, 8, 1, true);
        Figures.Day(list[2], yesterday, 0, 0, false);
    }

    private static async Task<string> LogAsync(HttpClient client, string goalId, decimal value, string occurredAt) =>
        (string)(await client.SendOkAsync(HttpMethod.Post, $"/v1/goals/{goalId}/activities", new { value, occurredAt }, HttpStatusCode.Created))["activityId"]!;

    private static async Task<long> RemoveAsync(HttpClient client, string goalId, string activityId) =>
        (long)(await client.SendOkAsync(HttpMethod.Delete, $"/v1/goals/{goalId}/activities/{activityId}"))["version"]!;

    private async Task<(decimal Total, decimal LogCount, bool? Met)> SnapshotAsync(string user, string goalId, DateOnly day)
    {
        var item = await stack.GetItemAsync(user, $"PROGRESS#{goalId}#{LocalDays.Iso(day)}");
        Assert.NotNull(item);
        return (item.Number("total"), item.Number("logCount"), item["met"].BOOL);
    }

    private async Task<(decimal Total, decimal LogCount)> TotalsAsync(string user, string goalId)
    {
        var progress = (await stack.GetItemAsync(user, $"PROGRESS#{goalId}"))!["progress"].M;
        return (progress.Number("total"), progress.Number("logCount"));
    }
}
