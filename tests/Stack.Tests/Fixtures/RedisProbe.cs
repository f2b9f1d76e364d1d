using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;
using Xunit;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>Reads a goal's copy in Redis: the hash <c>lifestyle:v1:goal:{userId}:{goalId}</c> with fields version and data.</summary>
public static class RedisProbe
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ConnectionMultiplexer> Connections = new();

    /// <summary>The goal's version in the Redis hash <c>lifestyle:v1:goal:{userId}:{goalId}</c>, or null (missing, or Redis down).</summary>
    public static async Task<long?> CachedVersionAsync(this StackFixture stack, string userId, string goalId)
    {
        try
        {
            var redis = Connections.GetOrAdd(stack.Redis.Configuration, c => ConnectionMultiplexer.Connect(c));
            var version = await redis.GetDatabase().HashGetAsync($"lifestyle:v1:goal:{userId}:{goalId}", "version");
            return version.IsNull ? null : long.Parse((string)version!, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Down (or just restarted): connect afresh next time.
            if (Connections.TryRemove(stack.Redis.Configuration, out var stale))
            {
                stale.Dispose();
            }

            return null;
        }
    }

    /// <summary>The time to live of the goal's Redis hash (null: no expiry, or no key).</summary>
    public static async Task<TimeSpan?> CachedTtlAsync(this StackFixture stack, string userId, string goalId) =>
        await Connections.GetOrAdd(stack.Redis.Configuration, c => ConnectionMultiplexer.Connect(c)).GetDatabase()
            .KeyTimeToLiveAsync($"lifestyle:v1:goal:{userId}:{goalId}");

    public static async Task WaitForCachedVersionAsync(this StackFixture stack, string userId, string goalId, long version, Stopwatch since, TimeSpan deadline)
    {
        long? cached;
        while ((cached = await stack.CachedVersionAsync(userId, goalId)) != version)
        {
            Assert.True(since.Elapsed < deadline, $"Redis holds version {cached?.ToString(CultureInfo.InvariantCulture) ?? "none"} of {goalId}, not {version}");
            await Task.Delay(50);
        }
    }
}
