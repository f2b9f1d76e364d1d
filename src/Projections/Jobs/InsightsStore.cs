using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Insights;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// Writes the insights read models: the table first, then Redis. A Redis copy that could not be written is marked for
/// repair in the table (<see cref="CacheWriter.MarkAsync"/>), so the previous close's copy is dropped once Redis
/// answers instead of being served until its TTL. A user's item is taken back when the user turned out to be under
/// erasure meanwhile.
/// </summary>
public sealed class InsightsStore(
    IAmazonDynamoDB db, IOptions<DynamoOptions> options, InsightCache cache, CacheWriter repairs, ErasureGuard guard, TimeProvider time,
    ILogger<InsightsStore> log)
{
    private readonly string table = options.Value.TableName;

    public async Task WriteUserAsync(string userId, string anyGoalId, UserInsightsShape shape, ReadModelKeys keys, CancellationToken ct)
    {
        var item = InsightItems.User(userId, shape, keys);
        await db.PutItemAsync(new PutItemRequest { TableName = table, Item = item }, ct);
        if (await guard.GoneAsync(userId, anyGoalId, ct))
        {
            await guard.UndoAsync([item], ct);
            return;
        }

        await CacheAsync(CacheKeys.Insights(keys, userId), InsightItems.CacheValue(shape, UserInsightsShape.SchemaVersion),
            v => CacheRepairMark.Insights(keys.Version, userId, v), ct);
    }

    public async Task DeleteUserAsync(string userId, ReadModelKeys keys, CancellationToken ct)
    {
        await db.DeleteItemAsync(table, new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(keys.Insights) }, ct);
        await CacheAsync(CacheKeys.Insights(keys, userId), null, v => CacheRepairMark.Insights(keys.Version, userId, v), ct);
    }

    public async Task WriteStatsAsync(TemplateStatsShape shape, ReadModelKeys keys, CancellationToken ct)
    {
        await db.PutItemAsync(new PutItemRequest { TableName = table, Item = InsightItems.Stats(shape, keys) }, ct);
        await CacheAsync(CacheKeys.TemplateStats(keys), InsightItems.CacheValue(shape, TemplateStatsShape.SchemaVersion),
            v => CacheRepairMark.TemplateStats(keys.Version, v), ct);
    }

    public Task<Dictionary<string, AttributeValue>?> UserItemAsync(string userId, ReadModelKeys keys, CancellationToken ct) =>
        db.GetItemOrNullAsync(table, Keys.User(userId), keys.Insights, ct);

    public Task<Dictionary<string, AttributeValue>?> StatsItemAsync(ReadModelKeys keys, CancellationToken ct) =>
        db.GetItemOrNullAsync(table, InsightItems.StatsPartition, keys.TemplateStats, ct);

    public Task<string?> CachedAsync(string key) => cache.GetAsync(key);

    private async Task CacheAsync(string key, string? value, Func<long, CacheRepairMark> mark, CancellationToken ct)
    {
        if (cache.Enabled && !await cache.TryWriteAsync(key, value))
        {
            await repairs.MarkAsync(mark(time.GetUtcNow().ToUnixTimeMilliseconds()), ct);
            log.LogWarning("Insights cache write of {Key} skipped: Redis is unavailable; marked for repair", key);
        }
    }
}
