using Lifestyle.Infrastructure.Cache;

namespace Lifestyle.Infrastructure.Insights;

/// <summary>
/// The insights read models in Redis (string values with a TTL), every call bounded by <see cref="RedisConnection.CallAsync{T}"/>.
/// Keys: <see cref="CacheKeys.Insights"/> and <see cref="CacheKeys.TemplateStats"/>.
/// </summary>
public sealed class InsightCache(RedisConnection redis)
{
    public bool Enabled => redis.Enabled;

    /// <summary>Writes a value. Throws <see cref="CacheUnavailableException"/> when Redis is down or slow.</summary>
    public Task SetAsync(string key, string value) =>
        redis.CallAsync("SET", db => db.StringSetAsync(key, value, redis.Options.GoalTtl));

    /// <summary>Sets (or, with null, deletes) a value; false when Redis is off or unavailable right now (the TTL and the readers' refill then mend it).</summary>
    public async Task<bool> TryWriteAsync(string key, string? value)
    {
        if (!redis.Enabled)
        {
            return false;
        }

        try
        {
            await (value is null ? DeleteAsync(key) : SetAsync(key, value));
            return true;
        }
        catch (CacheUnavailableException)
        {
            return false;
        }
    }

    /// <summary>Deletes a value. Throws <see cref="CacheUnavailableException"/> when Redis is down or slow.</summary>
    public Task DeleteAsync(string key) => redis.CallAsync("DEL", db => db.KeyDeleteAsync(key));

    /// <summary>The value, or null on a miss (Redis off, down, skipped or slow included).</summary>
    public async Task<string?> GetAsync(string key)
    {
        if (!redis.Enabled)
        {
            return null;
        }

        try
        {
            var value = await redis.CallAsync("GET", db => db.StringGetAsync(key));
            return value.IsNull ? null : (string?)value;
        }
        catch (CacheUnavailableException)
        {
            return null;
        }
    }
}
