using Amazon.DynamoDBv2;
using Lifestyle.Commands.EventStore;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.Users.Erasure;

/// <summary>
/// Runs one erasure from wherever it stands: marks the heads, deletes the partition page by page (stopping at the
/// deadline, to be resumed from the pending record), then the items outside it and the Redis keys of every
/// read-model version, sweeps what a projector pass begun before the marks may have written since, and finishes.
/// Every step can be repeated, so a crash anywhere only means the next run does a little again.
/// </summary>
public sealed class UserErasure(
    ErasureLedger ledger, PartitionEraser partition, OutsideItemsEraser outside, UserCacheEraser cache, RecentGoalHeads heads,
    IAmazonDynamoDB db, IOptions<DynamoOptions> options, TimeProvider time, ILogger<UserErasure> log)
{
    private const int FinalSweeps = 3;

    /// <summary>True when the erasure is done; false when <paramref name="budget"/> ran out first.</summary>
    public async Task<bool> RunAsync(ErasureJob job, TimeSpan budget, CancellationToken ct)
    {
        var deadline = budget == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : time.GetUtcNow() + budget;
        heads.ForgetUser(job.UserId);
        var marked = await partition.MarkHeadsAsync(job, ct);
        var goalIds = job.GoalIds.Union(marked, StringComparer.Ordinal).ToList();
        if (goalIds.Count > job.GoalIds.Count)
        {
            await ledger.ProgressAsync(job, 0, goalIds, ct);
        }

        var removed = job.ItemsSoFar;
        var complete = await partition.DeleteAsync(job.UserId, deadline, time, async n =>
        {
            removed += n;
            await ledger.ProgressAsync(job, n, [], ct);
        }, ct);
        if (!complete)
        {
            log.LogInformation("Erasure {ErasureId}: {Items} items so far; continuing in the background", job.ErasureId, removed);
            return false;
        }

        removed += await outside.EraseAsync(job.UserId, ct);
        var settings = await ReadModelConfig.GetAsync(db, options.Value.TableName, ct);
        await cache.EraseAsync(job.UserId, [ReadModelKeys.DefaultVersion, settings.Live, .. settings.Maintained, .. settings.Built], goalIds);
        for (var sweep = 0; sweep < FinalSweeps && await partition.AnyLeftAsync(job.UserId, ct); sweep++)
        {
            await partition.DeleteAsync(job.UserId, DateTimeOffset.MaxValue, time, n =>
            {
                removed += n;
                return Task.CompletedTask;
            }, ct);
        }

        // + 1: PROFILE, deleted by the finishing transaction.
        if (await ledger.FinishAsync(job, removed + 1, ct))
        {
            log.LogInformation("Erasure {ErasureId} done: {Items} items", job.ErasureId, removed + 1);
        }

        heads.ForgetUser(job.UserId);
        return true;
    }
}
