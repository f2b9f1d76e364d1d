using System.Collections.Concurrent;
using System.Text.Json;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection.Sources;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// Copies projected goals into Redis after the table write. A failed copy never fails the
/// projection: the goal is marked for repair in the table (<see cref="CacheRepairMarks"/>) and copied
/// from the table's read model once Redis answers again, by this process or the next one.
/// </summary>
public sealed class CacheWriter(GoalCache cache, RedisConnection redis, StoredProjections stored, CacheRepairMarks marks, ILogger<CacheWriter> log)
{
    /// <summary>How often the table's marks are read even when this process marked nothing (marks of an earlier process).</summary>
    public static readonly TimeSpan ScanEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Version, string UserId, string GoalId), long> marked = new();
    private long nextScan;

    /// <summary>Goals this process marked and has not repaired yet.</summary>
    public int Pending => marked.Count;

    public async Task WriteAsync(GoalProjection p, ReadModelKeys keys, bool replaceSameVersion = false, CancellationToken ct = default)
    {
        if (!cache.Enabled)
        {
            return;
        }

        try
        {
            await cache.SetIfNewerAsync(keys, p.UserId, p.GoalId, new CachedGoal(p.Version, JsonSerializer.Serialize(p, StoreJson.Options)), replaceSameVersion);
        }
        catch (CacheUnavailableException e)
        {
            var key = (keys.Version, p.UserId, p.GoalId);
            if (marked.TryGetValue(key, out var at) && at >= p.Version)
            {
                return;
            }

            await marks.MarkAsync(new CacheRepairMark(keys.Version, p.UserId, p.GoalId, p.Version), ct);
            marked[key] = p.Version;
            log.LogWarning("Redis unavailable ({Error}); goal {GoalId} marked for repair at version {Version}", e.Message, p.GoalId, p.Version);
        }
    }

    /// <summary>
    /// Copies every marked goal from the table's current read model, when Redis answers and there is
    /// something to do: this process marked goals, or the periodic scan for older marks is due.
    /// </summary>
    public async Task RepairAsync(CancellationToken ct)
    {
        var now = Environment.TickCount64;
        if (!cache.Enabled || redis.Database is null || (marked.IsEmpty && now < Interlocked.Read(ref nextScan)))
        {
            return;
        }

        Interlocked.Exchange(ref nextScan, now + (long)ScanEvery.TotalMilliseconds);
        foreach (var mark in await marks.ListAsync(ct))
        {
            var keys = new ReadModelKeys(mark.ReadModelVersion);
            var state = await stored.LoadAsync(mark.UserId, mark.GoalId, keys, ct);
            if (state is not null)
            {
                try
                {
                    await cache.SetIfNewerAsync(keys, state.UserId, state.GoalId, new CachedGoal(state.Version, JsonSerializer.Serialize(state, StoreJson.Options)));
                }
                catch (CacheUnavailableException e)
                {
                    log.LogInformation("Cache repair deferred: {Error}", e.Message);
                    return;
                }
            }

            var repaired = state?.Version ?? long.MaxValue; // no read model left: nothing to repair
            await marks.ClearAsync(mark, repaired, ct);
            var key = (mark.ReadModelVersion, mark.UserId, mark.GoalId);
            if (marked.TryGetValue(key, out var at) && at <= repaired)
            {
                marked.TryRemove(new KeyValuePair<(string, string, string), long>(key, at));
            }
        }
    }
}
