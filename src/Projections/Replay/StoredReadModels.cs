using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;

namespace Lifestyle.Projections.Replay;

/// <summary>The read-model items stored for one goal (progress, snapshots, streak, rollups) of one version.</summary>
public static class StoredReadModels
{
    public static async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(
        IAmazonDynamoDB db, string table, string userId, string goalId, ReadModelKeys keys, CancellationToken ct)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        foreach (var prefix in new[] { keys.Progress(goalId), keys.Streak(goalId), keys.RollupPrefix(goalId) })
        {
            var request = new QueryRequest
            {
                TableName = table,
                ConsistentRead = true,
                KeyConditionExpression = "PK = :pk AND begins_with(SK, :prefix)",
                ExpressionAttributeValues = new() { [":pk"] = new(Keys.User(userId)), [":prefix"] = new(prefix) },
            };
            await foreach (var page in db.QueryPagesAsync(request, ct))
            {
                items.AddRange(page.Items ?? []);
            }
        }

        return items;
    }

    /// <summary>Snapshots older than the retention window are left to DynamoDB's TTL, not compared.</summary>
    public static bool IsExpiredSnapshot(string sortKey, ReadModelKeys keys, string goalId, GoalProjection p) =>
        sortKey.StartsWith(keys.DailySnapshotPrefix(goalId), StringComparison.Ordinal)
        && DateOnly.TryParseExact(sortKey[keys.DailySnapshotPrefix(goalId).Length..], "yyyy-MM-dd", out var date)
        && date < TouchedPeriods.RetainedFrom(p);
}
