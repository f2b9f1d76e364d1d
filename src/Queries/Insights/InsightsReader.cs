using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Insights;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Queries.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Queries.Insights;

/// <summary>
/// The insights read models of the live read-model version: Redis first (bounded, a miss when slow or down), then the
/// table, refilling Redis. Null where no daily close has written one yet.
/// </summary>
public sealed class InsightsReader(
    IAmazonDynamoDB db, IOptions<DynamoOptions> options, InsightCache cache, LiveReadModel live, ILogger<InsightsReader> log)
{
    private readonly string table = options.Value.TableName;

    public Task<UserInsightsShape?> UserAsync(string userId, CancellationToken ct)
    {
        var keys = live.Keys;
        return ReadAsync(CacheKeys.Insights(keys, userId), Keys.User(userId), keys.Insights, UserInsightsShape.SchemaVersion,
            InsightItems.ReadUser, ct);
    }

    public Task<TemplateStatsShape?> StatsAsync(CancellationToken ct)
    {
        var keys = live.Keys;
        return ReadAsync(CacheKeys.TemplateStats(keys), InsightItems.StatsPartition, keys.TemplateStats, TemplateStatsShape.SchemaVersion,
            InsightItems.ReadStats, ct);
    }

    private async Task<T?> ReadAsync<T>(
        string cacheKey, string pk, string sk, int schemaVersion, Func<Dictionary<string, AttributeValue>, T> decode, CancellationToken ct)
        where T : class
    {
        if (await cache.GetAsync(cacheKey) is { } cached && InsightItems.FromCacheValue<T>(cached, schemaVersion) is { } hit)
        {
            return hit;
        }

        if (await db.GetItemOrNullAsync(table, pk, sk, ct) is not { } item)
        {
            return null;
        }

        var shape = decode(item);
        if (cache.Enabled && !await cache.TryWriteAsync(cacheKey, InsightItems.CacheValue(shape, schemaVersion)))
        {
            log.LogDebug("Insights cache refill of {Key} skipped: Redis is unavailable", cacheKey);
        }

        return shape;
    }
}
