using Lifestyle.Infrastructure.Storage;
using StackExchange.Redis;

namespace Lifestyle.Infrastructure.Cache;

/// <summary>Deletes every Redis key of one user, in every read-model version given (exact keys: no SCAN of the keyspace).</summary>
public sealed class UserCacheEraser(RedisConnection redis)
{
    private const int KeysPerCall = 500;

    /// <summary>The number of keys deleted. Throws <see cref="CacheUnavailableException"/> while Redis is configured but down.</summary>
    public async Task<long> EraseAsync(string userId, IEnumerable<string> versions, IReadOnlyCollection<string> goalIds)
    {
        if (!redis.Enabled)
        {
            return 0;
        }

        var keys = versions.Distinct(StringComparer.Ordinal).Select(v => new ReadModelKeys(v))
            .SelectMany(k => goalIds.Select(g => CacheKeys.Goal(k, userId, g)).Append(CacheKeys.GoalIds(k, userId)).Append(CacheKeys.Insights(k, userId)))
            .Select(k => (RedisKey)k)
            .ToArray();
        long deleted = 0;
        foreach (var chunk in keys.Chunk(KeysPerCall))
        {
            deleted += await redis.CallAsync("DEL", db => db.KeyDeleteAsync(chunk));
        }

        return deleted;
    }
}
