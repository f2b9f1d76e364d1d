using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Projection;

/// <summary>What a repair mark stands for: a goal's copies, or a Redis copy of a daily-close item.</summary>
public enum CacheRepairKind
{
    /// <summary>A goal's copies, rewritten from the table's read model.</summary>
    Goal,

    /// <summary>A user's insights copy, dropped so that readers refill it from the table.</summary>
    Insights,

    /// <summary>The template statistics' copy, dropped so that readers refill it from the table.</summary>
    TemplateStats,
}

/// <summary>
/// A Redis copy that is behind the table (at <paramref name="Version"/> or later): a goal's, or (with
/// <paramref name="Kind"/>) a daily-close item's, whose <paramref name="GoalId"/> then names the item.
/// </summary>
public sealed record CacheRepairMark(string ReadModelVersion, string UserId, string GoalId, long Version, CacheRepairKind Kind = CacheRepairKind.Goal)
{
    /// <summary>The mark of a user's insights copy; <paramref name="version"/> grows with each close (its time).</summary>
    public static CacheRepairMark Insights(string readModelVersion, string userId, long version) =>
        new(readModelVersion, userId, "INSIGHTS", version, CacheRepairKind.Insights);

    /// <summary>The mark of the template statistics' copy (no user: a name no user id can have).</summary>
    public static CacheRepairMark TemplateStats(string readModelVersion, long version) =>
        new(readModelVersion, "STATS#templates", "TEMPLATE-STATS", version, CacheRepairKind.TemplateStats);
}

/// <summary>
/// Goals whose Redis copy failed, kept in the table so a restart of the projector does not lose the
/// repair: PK <c>SYSTEM#CACHE-REPAIR#{shard}</c> (the user's shard, so a user's marks sit in one
/// partition), SK <c>{userId}#{readModelVersion}#{goalId}</c>, the read model's version when marked.
/// </summary>
public sealed class CacheRepairMarks(IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
    public static string Partition(string userId) => SystemKeys.CacheRepair(userId);

    public async Task MarkAsync(CacheRepairMark mark, CancellationToken ct)
    {
        try
        {
            await db.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = options.Value.TableName,
                Key = Key(mark.ReadModelVersion, mark.UserId, mark.GoalId),
                UpdateExpression = "SET version = :v, userId = :u, goalId = :g, rmVersion = :rm, entity = :e, #kind = :k",
                ExpressionAttributeNames = new() { ["#kind"] = "kind" },
                ConditionExpression = Conditions.OlderThanV,
                ExpressionAttributeValues = new()
                {
                    [":v"] = new() { N = mark.Version.ToString(CultureInfo.InvariantCulture) },
                    [":u"] = new(mark.UserId),
                    [":g"] = new(mark.GoalId),
                    [":rm"] = new(mark.ReadModelVersion),
                    [":e"] = new("cache-repair"),
                    [":k"] = new(KindName(mark.Kind)),
                },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already marked at this version or a later one.
        }
    }

    /// <summary>Removes the mark if nothing newer than <paramref name="repaired"/> was marked since.</summary>
    public async Task ClearAsync(CacheRepairMark mark, long repaired, CancellationToken ct)
    {
        try
        {
            await db.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = options.Value.TableName,
                Key = Key(mark.ReadModelVersion, mark.UserId, mark.GoalId),
                ConditionExpression = Conditions.NotNewerThanV,
                ExpressionAttributeValues = new() { [":v"] = new() { N = repaired.ToString(CultureInfo.InvariantCulture) } },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // Marked again at a newer version while this repair ran: the next pass copies that one.
        }
    }

    public async Task<IReadOnlyList<CacheRepairMark>> ListAsync(CancellationToken ct)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, Keys.StatusShards).Select(async shard =>
        {
            var request = new QueryRequest
            {
                TableName = options.Value.TableName,
                KeyConditionExpression = "PK = :pk",
                ExpressionAttributeValues = new() { [":pk"] = new(SystemKeys.CacheRepairShard(shard)) },
            };
            var marks = new List<CacheRepairMark>();
            await foreach (var page in db.QueryPagesAsync(request, ct))
            {
                marks.AddRange((page.Items ?? []).Select(i => new CacheRepairMark(
                    i["rmVersion"].S, i["userId"].S, i["goalId"].S, long.Parse(i["version"].N, CultureInfo.InvariantCulture),
                    KindOf(i.GetValueOrDefault("kind")?.S))));
            }

            return marks;
        }));
        return shards.SelectMany(s => s).ToList();
    }

    // Marks written before kinds existed have no kind attribute: they are goals'.
    private static CacheRepairKind KindOf(string? name) => name switch
    {
        "insights" => CacheRepairKind.Insights,
        "template-stats" => CacheRepairKind.TemplateStats,
        _ => CacheRepairKind.Goal,
    };

    private static string KindName(CacheRepairKind kind) => kind switch
    {
        CacheRepairKind.Insights => "insights",
        CacheRepairKind.TemplateStats => "template-stats",
        _ => "goal",
    };

    private static Dictionary<string, AttributeValue> Key(string readModelVersion, string userId, string goalId) =>
        new() { [Keys.PK] = new(Partition(userId)), [Keys.SK] = new(SystemKeys.CacheRepairSort(userId, readModelVersion, goalId)) };
}
