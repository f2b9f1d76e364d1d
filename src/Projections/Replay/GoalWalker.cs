using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Replay;

public sealed record ScanPage(IReadOnlyList<GoalRef> Goals, Dictionary<string, AttributeValue>? LastKey, int Scanned)
{
    /// <summary>Nothing left to scan.</summary>
    public static readonly ScanPage End = new([], null, 0);
}

/// <summary>How an <c>--all</c> run finds every goal.</summary>
public enum GoalWalk
{
    /// <summary>A parallel Scan of the table for head items: reads every item, misses no head.</summary>
    Scan,

    /// <summary>
    /// GSI1's status shards (<see cref="GoalWalker.IndexPartitions"/>): reads only the heads, but a goal whose status changes
    /// during the walk may move from a partition not yet read to one already read. Only for a version the projector
    /// maintains and nobody reads, where that goal's new event makes the projector fold it whole (docs/adr/0012-bulk-replay-writes.md).
    /// </summary>
    Index,
}

/// <summary>Finds the goals a replay covers, by their head items: one goal, one user's, or all (scan segments or GSI1 partitions).</summary>
public sealed class GoalWalker(IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
    /// <summary>Every GSI1 partition of goal heads: each status's shards. A head marked for erasure has left the index.</summary>
    public static readonly IReadOnlyList<string> IndexPartitions = [.. Enum.GetValues<GoalStatus>()
        .SelectMany(status => Enumerable.Range(0, Keys.StatusShards).Select(shard => Keys.StatusShard(status.ToWire(), shard)))];

    /// <summary>A head marked for erasure is not replayed: its read models are being deleted.</summary>
    private readonly string table = options.Value.TableName;

    public async Task<List<GoalRef>> UserGoalsAsync(string userId, CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :goal)",
            FilterExpression = Conditions.NotErasing,
            ProjectionExpression = "PK, SK",
            ExpressionAttributeValues = new() { [":pk"] = new(Keys.User(userId)), [":goal"] = new(Keys.GoalPrefix) },
        };
        var goals = new List<GoalRef>();
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            goals.AddRange((page.Items ?? []).Select(GoalRef.OfHead));
        }

        return goals;
    }

    /// <summary>A goal by id; without the user, through GSI1's status shard of that goal id (no scan).</summary>
    public async Task<GoalRef?> FindGoalAsync(string goalId, string? userId, CancellationToken ct)
    {
        if (userId is not null)
        {
            return (await UserGoalsAsync(userId, ct)).FirstOrDefault(g => g.GoalId == goalId);
        }

        foreach (var status in Enum.GetValues<GoalStatus>().Select(s => s.ToWire()))
        {
            var response = await db.QueryAsync(new QueryRequest
            {
                TableName = table,
                IndexName = Keys.Gsi1,
                KeyConditionExpression = "GSI1PK = :pk",
                FilterExpression = "goalId = :g",
                ExpressionAttributeValues = new() { [":pk"] = new(Keys.StatusPartition(status, goalId)), [":g"] = new(goalId) },
            }, ct);
            if (response.Items is { Count: > 0 } items)
            {
                return GoalRef.OfHead(items[0]);
            }
        }

        return null;
    }

    /// <summary>One page of goal heads from one parallel-scan segment (an operator tool, never a request path).</summary>
    public async Task<ScanPage> ScanAsync(int segment, int segments, Dictionary<string, AttributeValue>? startKey, CancellationToken ct)
    {
        var response = await db.ScanAsync(new ScanRequest
        {
            TableName = table,
            Segment = segment,
            TotalSegments = segments,
            ExclusiveStartKey = startKey is { Count: > 0 } ? startKey : null,
            FilterExpression = Conditions.And("begins_with(SK, :goal)", Conditions.NotErasing),
            ProjectionExpression = "PK, SK",
            ExpressionAttributeValues = new() { [":goal"] = new(Keys.GoalPrefix) },
            Limit = 200,
        }, ct);
        return new ScanPage((response.Items ?? []).Select(GoalRef.OfHead).ToList(),
            response.LastEvaluatedKey is { Count: > 0 } k ? k : null, response.ScannedCount ?? 0);
    }

    /// <summary>One page of goal heads from one GSI1 partition (<see cref="IndexPartitions"/>).</summary>
    public async Task<ScanPage> IndexPageAsync(int partition, Dictionary<string, AttributeValue>? startKey, CancellationToken ct)
    {
        var response = await db.QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = Keys.Gsi1,
            KeyConditionExpression = "GSI1PK = :pk",
            ExclusiveStartKey = startKey is { Count: > 0 } ? startKey : null,
            ProjectionExpression = "PK, SK",
            ExpressionAttributeValues = new() { [":pk"] = new(IndexPartitions[partition]) },
            Limit = 200,
        }, ct);
        return new ScanPage((response.Items ?? []).Select(GoalRef.OfHead).ToList(),
            response.LastEvaluatedKey is { Count: > 0 } k ? k : null, response.ScannedCount ?? 0);
    }
}
