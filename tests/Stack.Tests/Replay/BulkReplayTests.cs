using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Replay;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// A rebuild into a version no query reads yet writes in bulk (BatchWriteItem, no version gates) and checks the goal's
/// head afterwards; docs/adr/0012-bulk-replay-writes.md says why that check stands in for the gates.
/// </summary>
[Collection(ReplayCollection.Name)]
public sealed class BulkReplayTests(StackFixture stack)
{
    [Fact]
    public async Task A_bulk_rebuild_writes_exactly_the_items_a_rebuild_through_the_gates_writes()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var (goalId, _) = await client.GoalWithHistoryAsync("Water");
        var rebuilder = Rebuilder(stack.Db());

        var bulk = await rebuilder.RebuildAsync(userId, goalId, new ReadModelKeys("v7"), new WriteThrottle(0), RebuildMode.Bulk, CancellationToken.None);
        var gated = await rebuilder.RebuildAsync(userId, goalId, new ReadModelKeys("v8"), new WriteThrottle(0), RebuildMode.Gated, CancellationToken.None);

        var partition = await stack.PartitionAsync(userId);
        var v7 = Version(partition, "v7").Select(line => line.Replace("RMV#v7#", "RMV#v8#", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(v7);
        Assert.Equal(Version(partition, "v8"), v7);
        Assert.Equal(gated.ItemsWritten, bulk.ItemsWritten);
    }

    [Fact]
    public async Task A_bulk_rebuild_whose_goal_moved_on_during_it_is_redone_through_the_gates_at_the_newer_version()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var (goalId, version) = await client.GoalWithHistoryAsync("Steps");
        var keys = new ReadModelKeys("v6");
        long newer = 0;
        var db = HeadReadHook.Wrap(stack.Db(), async () => newer = await client.LogAsync(goalId, 2));

        await Rebuilder(db).RebuildAsync(userId, goalId, keys, new WriteThrottle(0), RebuildMode.Bulk, CancellationToken.None);

        Assert.Equal(version + 1, newer);
        var progress = (await stack.PartitionAsync(userId)).Single(i => i[Keys.SK].S == keys.Progress(goalId));
        Assert.Equal(newer.ToString(System.Globalization.CultureInfo.InvariantCulture), progress["version"].N);
    }

    [Fact]
    public async Task A_bulk_write_reports_a_head_past_the_folded_version_and_takes_back_a_goal_whose_head_is_gone()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var (goalId, version) = await client.GoalWithHistoryAsync("Reading");
        var keys = new ReadModelKeys("v5");
        var p = (await Rebuilder(stack.Db()).FoldAsync(userId, goalId, CancellationToken.None))!;
        var items = ReadModelItems.All(p, keys);
        var bulk = ActivatorUtilities.CreateInstance<BulkReadModelWrites>(stack.Services);

        Assert.False(await bulk.TryPutAsync(userId, goalId, items, version - 1, CancellationToken.None));
        Assert.True(await bulk.TryPutAsync(userId, goalId, items, version, CancellationToken.None));
        Assert.Equal(items.Count, Version(await stack.PartitionAsync(userId), "v5").Count);

        await stack.Db().DeleteItemAsync(stack.Dynamo.TableName, new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(Keys.Goal(goalId)) });
        Assert.True(await bulk.TryPutAsync(userId, goalId, items, version, CancellationToken.None));
        Assert.Empty(Version(await stack.PartitionAsync(userId), "v5"));
    }

    private GoalRebuilder Rebuilder(IAmazonDynamoDB db) =>
        ActivatorUtilities.CreateInstance<GoalRebuilder>(stack.Services, ActivatorUtilities.CreateInstance<BulkReadModelWrites>(stack.Services, db));

    private static List<string> Version(List<Dictionary<string, AttributeValue>> partition, string version) =>
        ReplayTable.Dump(partition.Where(i => i[Keys.SK].S.StartsWith($"RMV#{version}#", StringComparison.Ordinal)));
}

/// <summary>A DynamoDB client that runs a hook before its first read of a goal head (a command landing mid-rebuild).</summary>
public class HeadReadHook : DispatchProxy
{
    private IAmazonDynamoDB inner = null!;
    private Func<Task>? hook;

    public static IAmazonDynamoDB Wrap(IAmazonDynamoDB inner, Func<Task> beforeFirstHeadRead)
    {
        var proxy = Create<IAmazonDynamoDB, HeadReadHook>();
        var self = (HeadReadHook)(object)proxy;
        self.inner = inner;
        self.hook = beforeFirstHeadRead;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name == nameof(IAmazonDynamoDB.GetItemAsync) && args is [GetItemRequest request, ..]
            && request.Key[Keys.SK].S.StartsWith(Keys.GoalPrefix, StringComparison.Ordinal)
            && Interlocked.Exchange(ref hook, null) is { } run)
        {
            return AfterAsync(run, () => (Task<GetItemResponse>)targetMethod.Invoke(inner, args)!);
        }

        return targetMethod.Invoke(inner, args);
    }

    private static async Task<GetItemResponse> AfterAsync(Func<Task> first, Func<Task<GetItemResponse>> then)
    {
        await first();
        return await then();
    }
}
