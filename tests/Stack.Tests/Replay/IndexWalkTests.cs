using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Replay;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// A bulk run finds its goals through GSI1's status shards instead of scanning the table; what makes that enough is in
/// docs/adr/0012-bulk-replay-writes.md, and these tests pin both halves of it.
/// </summary>
[Collection(ReplayCollection.Name)]
public sealed class IndexWalkTests(StackFixture stack)
{
    [Fact]
    public async Task The_index_walk_visits_each_goal_of_every_status_once_and_no_head_marked_for_erasure()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var goals = new List<string>();
        foreach (var (title, transition) in new[] { ("Water", ""), ("Steps", "pause"), ("Reading", "complete"), ("Sleep", "archive") })
        {
            var (goal, _) = await client.GoalWithHistoryAsync(title);
            if (transition != "")
            {
                await client.TransitionAsync(goal, transition);
            }

            goals.Add(goal);
        }

        var erasedUser = StackFixture.NewUserId();
        using var erased = stack.ClientFor(erasedUser);
        var (erasedGoal, _) = await erased.GoalWithHistoryAsync("Walk");
        await MarkForErasureAsync(erasedUser, erasedGoal);

        var visited = new ConcurrentDictionary<GoalRef, int>();
        var runner = new ReplayRunner(
            ActivatorUtilities.CreateInstance<GoalWalker>(stack.Services), ActivatorUtilities.CreateInstance<ReplayCheckpoints>(stack.Services));
        await runner.RunAllAsync(3, GoalWalk.Index, null, (g, _) =>
        {
            visited.AddOrUpdate(g, 1, (_, n) => n + 1);
            return Task.FromResult((0, 0, 0));
        }, new ReplayProgress(TextWriter.Null, null), CancellationToken.None);

        var mine = visited.Where(kv => kv.Key.UserId == userId).ToList();
        Assert.Equal(goals.Order(StringComparer.Ordinal), mine.Select(kv => kv.Key.GoalId).Order(StringComparer.Ordinal));
        Assert.All(mine, kv => Assert.Equal(1, kv.Value));
        Assert.DoesNotContain(visited.Keys, g => g.UserId == erasedUser);
    }

    [Fact]
    public async Task A_goal_the_walk_missed_is_folded_whole_into_the_maintained_version_by_its_next_event()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var (rebuilt, _) = await client.GoalWithHistoryAsync("Water");
        var (missed, _) = await client.GoalWithHistoryAsync("Steps");
        var keys = new ReadModelKeys("v11");
        try
        {
            // Registers v11 with the projector and rebuilds one goal only: the other has no item there yet.
            Assert.Equal(0, (await stack.RunCliAsync("replay", "--goal", rebuilt, "--user", userId, "--into", keys.Version)).ExitCode);
            Assert.Null(await stack.GetItemAsync(userId, keys.Progress(missed)));

            // A status change moves the head to another GSI1 partition: the change a walk can miss.
            var version = await client.TransitionAsync(missed, "pause");
            await ReplayTable.EventuallyAsync(
                async () => (await stack.GetItemAsync(userId, keys.Progress(missed)))?["version"].N == $"{version}", "the projector folds the goal into v11");

            var verify = await stack.RunCliAsync("verify", "--goal", missed, "--user", userId, "--into", keys.Version);
            Assert.True(verify.ExitCode == 0, verify.ToString());
        }
        finally
        {
            await stack.RunCliAsync("retire", keys.Version);
        }
    }

    [Fact]
    public async Task A_run_records_its_walk_so_that_a_resume_walks_the_same_way()
    {
        var checkpoints = ActivatorUtilities.CreateInstance<ReplayCheckpoints>(stack.Services);
        var run = new ReplayRun(ReplayRunner.NewRunId(), 4, "v12", GoalWalk.Index);

        await checkpoints.StartAsync(run, CancellationToken.None);

        Assert.Equal(run, await checkpoints.LatestAsync(CancellationToken.None));
    }

    private Task<UpdateItemResponse> MarkForErasureAsync(string userId, string goalId) => stack.Db().UpdateItemAsync(new UpdateItemRequest
    {
        TableName = stack.Dynamo.TableName,
        Key = new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(Keys.Goal(goalId)) },
        UpdateExpression = $"SET #m = :id REMOVE {Keys.Gsi1PK}, {Keys.Gsi1SK}",
        ExpressionAttributeNames = new() { ["#m"] = ErasureItems.Marker },
        ExpressionAttributeValues = new() { [":id"] = new("test-erasure") },
    });
}
