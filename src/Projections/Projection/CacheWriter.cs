using System.Collections.Concurrent;
using System.Text.Json;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Insights;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection.Sources;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// Copies projected goals into Redis after the table write. A failed copy never fails the
/// projection: the goal is marked for repair in the table (<see cref="CacheRepairMarks"/>) and copied
/// from the table's read model once Redis answers again, by this process or the next one. The daily close marks its
/// insights copies the same way (<see cref="MarkAsync"/>); their repair drops the copy, and readers refill it from the table.
/// </summary>
public sealed class CacheWriter(
    GoalCache cache, InsightCache insights, RedisConnection redis, StoredProjections stored, CacheRepairMarks marks, ILogger<CacheWriter> log)
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

            await MarkAsync(new CacheRepairMark(keys.Version, p.UserId, p.GoalId, p.Version), ct);
            log.LogWarning("Redis unavailable ({Error}); goal {GoalId} marked for repair at version {Version}", e.Message, p.GoalId, p.Version);
        }
    }

    /// <summary>Marks a Redis copy for repair in the table; this process repairs it as soon as Redis answers.</summary>
    public async Task MarkAsync(CacheRepairMark mark, CancellationToken ct)
    {
        await marks.MarkAsync(mark, ct);
        marked.AddOrUpdate((mark.ReadModelVersion, mark.UserId, mark.GoalId), mark.Version, (_, at) => Math.Max(at, mark.Version));
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
            long repaired;
            try
            {
                repaired = await RepairAsync(mark, ct);
            }
            catch (CacheUnavailableException e)
            {
                log.LogInformation("Cache repair deferred: {Error}", e.Message);
                return;
            }

            await marks.ClearAsync(mark, repaired, ct);
            var key = (mark.ReadModelVersion, mark.UserId, mark.GoalId);
            if (marked.TryGetValue(key, out var at) && at <= repaired)
            {
                marked.TryRemove(new KeyValuePair<(string, string, string), long>(key, at));
            }
        }
    }

    /// <summary>Repairs one mark; returns the version it repaired up to. Throws <see cref="CacheUnavailableException"/>.</summary>
    private async Task<long> RepairAsync(CacheRepairMark mark, CancellationToken ct)
    {
        var keys = new ReadModelKeys(mark.ReadModelVersion);
        switch (mark.Kind)
        {
            case CacheRepairKind.Insights:
                await insights.DeleteAsync(CacheKeys.Insights(keys, mark.UserId));
                return mark.Version;
            case CacheRepairKind.TemplateStats:
                await insights.DeleteAsync(CacheKeys.TemplateStats(keys));
                return mark.Version;
            default:
                var state = await stored.LoadAsync(mark.UserId, mark.GoalId, keys, ct);
                if (state is null)
                {
                    return long.MaxValue; // no read model left: nothing to repair
                }

                await cache.SetIfNewerAsync(keys, state.UserId, state.GoalId, new CachedGoal(state.Version, JsonSerializer.Serialize(state, StoreJson.Options)));
                return state.Version;
        }
    }
}
