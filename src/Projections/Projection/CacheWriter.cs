using System.Collections.Concurrent;
using System.Text.Json;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// Copies projected goals into Redis after the table write. A failed copy never fails the
/// projection: the goal is remembered and copied from the table once Redis answers again.
/// </summary>
public sealed class CacheWriter(GoalCache cache, GoalProjector projector, ILogger<CacheWriter> log)
{
    private readonly ConcurrentDictionary<(string Version, string UserId, string GoalId), byte> pending = new();

    public int Pending => pending.Count;

    public async Task WriteAsync(GoalProjection p, ReadModelKeys keys, bool replaceSameVersion = false)
    {
        if (!cache.Enabled)
        {
            return;
        }

        try
        {
            await cache.SetIfNewerAsync(keys, p.UserId, p.GoalId, new CachedGoal(p.Version, JsonSerializer.Serialize(p, StoreJson.Options)), replaceSameVersion);
            pending.TryRemove((keys.Version, p.UserId, p.GoalId), out _);
        }
        catch (Exception e) when (e is CacheUnavailableException or StackExchange.Redis.RedisException or TimeoutException)
        {
            if (pending.TryAdd((keys.Version, p.UserId, p.GoalId), 0))
            {
                log.LogWarning("Redis unavailable ({Error}); goal {GoalId} will be copied when it returns", e.Message, p.GoalId);
            }
        }
    }

    /// <summary>Copies every goal whose earlier copy failed, from the table's current read model.</summary>
    public async Task RepairAsync(CancellationToken ct)
    {
        foreach (var (version, userId, goalId) in pending.Keys.ToList())
        {
            var keys = new ReadModelKeys(version);
            var state = await projector.LoadAsync(userId, goalId, keys, ct);
            if (state is null)
            {
                pending.TryRemove((version, userId, goalId), out _);
                continue;
            }

            await WriteAsync(state, keys);
            if (pending.ContainsKey((version, userId, goalId)))
            {
                return; // Still down; try again later.
            }
        }
    }
}
