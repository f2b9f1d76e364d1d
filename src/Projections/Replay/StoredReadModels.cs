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
    /// <summary>The items, the three key prefixes read side by side; with <paramref name="keysOnly"/> only their keys.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(
        IAmazonDynamoDB db, string table, string userId, string goalId, ReadModelKeys keys, CancellationToken ct, bool keysOnly = false)
    {
        var prefixes = new[] { keys.Progress(goalId), keys.Streak(goalId), keys.RollupPrefix(goalId) };
        var found = await Task.WhenAll(prefixes.Select(async prefix =>
        {
            var request = new QueryRequest
            {
                TableName = table,
                ConsistentRead = true,
                KeyConditionExpression = "PK = :pk AND begins_with(SK, :prefix)",
                ExpressionAttributeValues = new() { [":pk"] = new(Keys.User(userId)), [":prefix"] = new(prefix) },
                ProjectionExpression = keysOnly ? "PK, SK" : null,
            };
            var items = new List<Dictionary<string, AttributeValue>>();
            await foreach (var item in db.QueryItemsAsync(request, ct))
            {
                items.Add(item);
            }

            return items;
        }));
        return [.. found.SelectMany(items => items)];
    }

    /// <summary>Snapshots older than the retention window are left to DynamoDB's TTL, not compared.</summary>
    public static bool IsExpiredSnapshot(string sortKey, ReadModelKeys keys, string goalId, GoalProjection p) =>
        sortKey.StartsWith(keys.DailySnapshotPrefix(goalId), StringComparison.Ordinal)
        && DateOnly.TryParseExact(sortKey[keys.DailySnapshotPrefix(goalId).Length..], "yyyy-MM-dd", out var date)
        && date < TouchedPeriods.RetainedFrom(p);
}
