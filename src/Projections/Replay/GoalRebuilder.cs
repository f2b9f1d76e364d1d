using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Replay;

public sealed record RebuildResult(int Events, int ItemsWritten, int ItemsDeleted);

/// <summary>How a rebuild writes: not at all (a dry run), through the version gates, or in bulk (see <see cref="BulkReadModelWrites"/>).</summary>
public enum RebuildMode
{
    DryRun,
    Gated,
    Bulk,
}

/// <summary>
/// Rebuilds one goal's read models from a fresh fold of all its events, with the projector's own
/// code: rewrites every item (repairing same-version corruption, never overwriting a newer
/// version), removes stray snapshots, refreshes Redis. Sends no notifications; never touches events.
/// </summary>
public sealed class GoalRebuilder(
    IAmazonDynamoDB db, IOptions<DynamoOptions> options, ReadModelWriter writer, BulkReadModelWrites bulk, CacheWriter cache)
{
    private readonly string table = options.Value.TableName;

    public async Task<GoalProjection?> FoldAsync(string userId, string goalId, CancellationToken ct) =>
        GoalProjection.Fold(await EventReader.ReadAfterAsync(db, table, userId, goalId, null, ct));

    /// <summary>The mode a run into <paramref name="version"/> writes with: in bulk while no query reads that version.</summary>
    public static RebuildMode WritingMode(ReadModelSettings settings, string version) =>
        version != settings.Live && !settings.Built.Contains(version) ? RebuildMode.Bulk : RebuildMode.Gated;

    public async Task<RebuildResult> RebuildAsync(
        string userId, string goalId, ReadModelKeys keys, WriteThrottle throttle, RebuildMode mode, CancellationToken ct)
    {
        // The stored items' keys are read beside the events: the two reads do not depend on each other.
        var storedKeys = StoredReadModels.QueryAsync(db, table, userId, goalId, keys, ct, keysOnly: true);
        var events = await EventReader.ReadAfterAsync(db, table, userId, goalId, null, ct);
        var stored = await storedKeys;
        if (GoalProjection.Fold(events) is not { } p)
        {
            return new RebuildResult(0, 0, 0);
        }

        var items = ReadModelItems.All(p, keys);
        var expected = items.Select(i => i[Keys.SK].S).ToHashSet(StringComparer.Ordinal);
        var stray = stored
            .Select(i => i[Keys.SK].S)
            .Where(sk => !expected.Contains(sk) && !StoredReadModels.IsExpiredSnapshot(sk, keys, goalId, p))
            .ToList();
        if (mode == RebuildMode.DryRun)
        {
            return new RebuildResult(events.Count, items.Count, stray.Count);
        }

        await throttle.WaitAsync(items.Sum(ItemSize.Units) + stray.Count, ct);
        foreach (var sk in stray)
        {
            await writer.DeleteAsync(userId, sk, p.Version + 1, ct);
        }

        if (mode == RebuildMode.Bulk && !await bulk.TryPutAsync(userId, goalId, items, p.Version, ct))
        {
            // New events arrived while this fold ran, and the projector may have written them: again, through the gates.
            return await RebuildAsync(userId, goalId, keys, throttle, RebuildMode.Gated, ct);
        }

        var written = mode == RebuildMode.Bulk
            ? items.Count
            : (await writer.PutAllAsync(items.Take(items.Count - 1).ToList(), items[^1], p.Version, rebuild: true, ct)).Written;
        await cache.WriteAsync(p, keys, replaceSameVersion: true, ct);
        return new RebuildResult(events.Count, written, stray.Count);
    }
}
