using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>Read models deleted or corrupted behind the system's back: verify names them, replay repairs them.</summary>
[Collection(ReplayCollection.Name)]
public sealed class ReplayRepairTests(StackFixture stack)
{
    [Fact]
    public async Task Verify_names_every_damaged_read_model_and_replay_of_the_user_restores_what_the_api_answered()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var (water, _) = await client.GoalWithHistoryAsync("Water");
        var (steps, _) = await client.GoalWithHistoryAsync("Steps");
        var answered = (await client.AnswersAsync(water), await client.AnswersAsync(steps));
        var keys = await stack.LiveKeysAsync();
        var today = ReplayTable.TodayUtc;

        // Behind the system's back: a deleted streak, a wrong progress figure, a wrong weekly total,
        // a snapshot for a day without activity, and a corrupted fold that the API then serves.
        await stack.DeleteItemAsync(userId, keys.Streak(water));
        await stack.SetAsync(userId, keys.Progress(water), "progress.current", new AttributeValue { N = "999" });
        var week = keys.Rollup(steps, CurrentWeek(today));
        await stack.SetAsync(userId, week, "total", new AttributeValue { N = "999" });
        var stray = await stack.GetItemAsync(userId, keys.DailySnapshot(steps, today));
        stray![Lifestyle.Infrastructure.Storage.Keys.SK] = new(keys.DailySnapshot(steps, today.AddDays(-2)));
        stray["date"] = new($"{today.AddDays(-2):yyyy-MM-dd}");
        await stack.PutItemAsync(stray);
        var progress = await stack.GetItemAsync(userId, keys.Progress(steps));
        await stack.SetAsync(userId, keys.Progress(steps), "state",
            new AttributeValue(progress!["state"].S.Replace("\"title\":\"Steps\"", "\"title\":\"Corrupted\"", StringComparison.Ordinal)));
        var redis = stack.Services.GetRequiredService<RedisConnection>().Database!;
        await redis.KeyDeleteAsync(CacheKeys.Goal(keys, userId, steps));
        Assert.Contains("\"title\":\"Corrupted\"", await client.AnswersAsync(steps)); // served from the table, refilling Redis

        var verify = await stack.RunCliAsync("verify", "--user", userId);

        Assert.True(verify.ExitCode == 1, verify.ToString());
        var found = verify.OutputLines.Where(l => l.StartsWith(userId + "/", StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 6, verify.ToString());
        Assert.Contains(found, l => l.StartsWith($"{userId}/{water}  {keys.Streak(water)}  item: stored (missing), expected present", StringComparison.Ordinal));
        Assert.Contains(found, l => l.StartsWith($"{userId}/{water}  {keys.Progress(water)}  progress: stored {{current:999,", StringComparison.Ordinal));
        Assert.Contains(found, l => l.StartsWith($"{userId}/{steps}  {week}  total: stored 999, expected ", StringComparison.Ordinal));
        Assert.Contains(found, l => l.StartsWith($"{userId}/{steps}  {keys.DailySnapshot(steps, today.AddDays(-2))}  item: stored present, expected (none", StringComparison.Ordinal));
        Assert.Contains(found, l => l.StartsWith($"{userId}/{steps}  {keys.Progress(steps)}  state: stored ", StringComparison.Ordinal) && l.Contains("Corrupted"));
        Assert.Contains(found, l => l.StartsWith($"{userId}/{steps}  {CacheKeys.Goal(keys, userId, steps)}  redis: ", StringComparison.Ordinal) && l.EndsWith("(data differs)", StringComparison.Ordinal));
        Assert.Contains("verified 2 goals of read-model version v1: 6 differences", verify.Error);

        var replay = await stack.RunCliAsync("replay", "--user", userId);

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Contains(replay.OutputLines, l => l.StartsWith("replayed 2 goals, 8 events,", StringComparison.Ordinal));
        var again = await stack.RunCliAsync("verify", "--user", userId);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("verified 2 goals of read-model version v1: 0 differences", again.Error);
        Assert.Equal(answered, (await client.AnswersAsync(water), await client.AnswersAsync(steps)));
    }

    [Fact]
    public async Task Replay_of_one_goal_finds_its_owner_through_the_index_and_leaves_the_whole_table_verified()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var (goal, _) = await client.GoalWithHistoryAsync("Walk");
        await client.GoalWithHistoryAsync("Read");
        var keys = await stack.LiveKeysAsync();
        await stack.DeleteItemAsync(userId, keys.Streak(goal));
        await stack.DeleteItemAsync(userId, keys.Progress(goal));
        Assert.Equal(1, (await stack.RunCliAsync("verify", "--goal", goal)).ExitCode);

        var replay = await stack.RunCliAsync("replay", "--goal", goal);

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Contains(replay.OutputLines, l => l.StartsWith("replayed 1 goals, 4 events,", StringComparison.Ordinal));
        Assert.NotNull(await stack.GetItemAsync(userId, keys.Streak(goal)));
        var verifyGoal = await stack.RunCliAsync("verify", "--goal", goal, "--user", userId);
        Assert.True(verifyGoal.ExitCode == 0, verifyGoal.ToString());
        var verifyAll = await stack.RunCliAsync("verify", "--all", "--segments", "3");
        Assert.True(verifyAll.ExitCode == 0, verifyAll.ToString());
        Assert.Matches(@"verified [0-9]+ goals of read-model version v1: 0 differences", verifyAll.Error);
    }

    [Fact]
    public async Task A_dry_run_reports_what_replay_would_repair_and_changes_nothing()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var (goal, _) = await client.GoalWithHistoryAsync("Floss");
        var keys = await stack.LiveKeysAsync();
        await stack.DeleteItemAsync(userId, keys.Streak(goal));
        var items = ReplayTable.Dump(await stack.PartitionAsync(userId));

        var dryRun = await stack.RunCliAsync("replay", "--user", userId, "--dry-run");

        Assert.True(dryRun.ExitCode == 1, dryRun.ToString());
        Assert.Equal([$"{userId}/{goal}  {keys.Streak(goal)}  item: stored (missing), expected present"], dryRun.OutputLines.Where(l => l.StartsWith(userId, StringComparison.Ordinal)));
        Assert.Equal(items, ReplayTable.Dump(await stack.PartitionAsync(userId)));
        Assert.Equal(0, (await stack.RunCliAsync("replay", "--user", userId)).ExitCode);
        Assert.NotNull(await stack.GetItemAsync(userId, keys.Streak(goal)));
    }

    private static string CurrentWeek(DateOnly day) =>
        $"{System.Globalization.ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}";
}
