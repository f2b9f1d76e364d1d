using System.Globalization;

namespace Lifestyle.Infrastructure.Cache;

/// <summary>A cached goal read model: the projection state JSON at a version.</summary>
public sealed record CachedGoal(long Version, string Data);

/// <summary>
/// Goal read models in Redis, written only after the table and never replacing a newer version
/// with an older one (compare-and-set in one Lua script).
/// </summary>
public sealed class GoalCache(RedisConnection redis)
{
    private const string SetIfNewer = """
        local cur = redis.call('HGET', KEYS[1], 'version')
        if cur and (tonumber(cur) > tonumber(ARGV[1]) or (tonumber(cur) == tonumber(ARGV[1]) and ARGV[5] ~= '1')) then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[1], 'data', ARGV[2])
        redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
        if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('SADD', KEYS[2], ARGV[4]) end
        return 1
        """;

    public bool Enabled => redis.Enabled;

    /// <summary>
    /// Writes the goal if the cache holds an older version (or none; or the same one, to repair it,
    /// when <paramref name="replaceSameVersion"/>). Throws when Redis is unreachable.
    /// </summary>
    public async Task<bool> SetIfNewerAsync(Storage.ReadModelKeys keys, string userId, string goalId, CachedGoal goal, bool replaceSameVersion = false)
    {
        var result = await redis.CallAsync("EVAL", db => db.ScriptEvaluateAsync(
            SetIfNewer,
            [CacheKeys.Goal(keys, userId, goalId), CacheKeys.GoalIds(keys, userId)],
            [goal.Version, goal.Data, (long)redis.Options.GoalTtl.TotalSeconds, goalId, replaceSameVersion ? "1" : "0"]));
        return (int)result == 1;
    }

    /// <summary>The cached goal, or null on a miss (including Redis being down, skipped or slow).</summary>
    public async Task<CachedGoal?> GetAsync(Storage.ReadModelKeys keys, string userId, string goalId)
    {
        if (!redis.Enabled)
        {
            return null;
        }

        try
        {
            var fields = await redis.CallAsync("HMGET", db => db.HashGetAsync(CacheKeys.Goal(keys, userId, goalId), ["version", "data"]));
            return fields[0].IsNull || fields[1].IsNull
                ? null
                : new CachedGoal(long.Parse((string)fields[0]!, CultureInfo.InvariantCulture), (string)fields[1]!);
        }
        catch (CacheUnavailableException)
        {
            return null;
        }
    }
}

/// <summary>Redis is off, skipped after a failure, not connected, failing or too slow right now.</summary>
public sealed class CacheUnavailableException : Exception
{
    public CacheUnavailableException(string message) : base(message)
    {
    }

    public CacheUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
