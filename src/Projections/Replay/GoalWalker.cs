using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
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

/// <summary>Finds the goals a replay covers, by their head items: one goal, one user's, or all (scan segments).</summary>
public sealed class GoalWalker(IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
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

        foreach (var status in new[] { "active", "paused", "completed", "archived" })
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
}
