using System.Diagnostics;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Infrastructure.Telemetry;
using Lifestyle.Projections.Stream;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// The projector's batch handler, shared by the Lambda and the local consumer. A goal-head record
/// says "this goal changed"; every other record (events, and our own read-model writes) is ignored.
/// Each changed goal is projected once per batch; a failing goal reports its first record so the
/// transport retries from there, until it is parked.
/// </summary>
public sealed class GoalChangeHandler(
    GoalProjector projector,
    ErasureGuard erasures,
    CacheWriter cache,
    ProjectionFailures failures,
    ReadModelVersions versions,
    ProjectorMetrics metrics,
    TimeProvider time,
    ILogger<GoalChangeHandler> log,
    IEnumerable<IProjectionObserver> observers) : IChangeBatchHandler
{
    /// <summary>Goals of one batch projected at the same time.</summary>
    public const int MaxConcurrentGoals = 16;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), byte> failing = new();

    public async Task<BatchOutcome> HandleAsync(IReadOnlyList<ChangeRecord> records, CancellationToken ct)
    {
        using var span = ProjectorTelemetry.StartBatch(records.Count);
        metrics.CountRecords(records.Count);
        await ProjectorTelemetry.RefreshParkedAsync(failures, time, ct);
        await versions.RefreshIfDueAsync(ct);
        await cache.RepairAsync(ct);
        foreach (var (userId, goalId) in BatchChanges.ErasedGoals(records))
        {
            erasures.Saw(userId, goalId);
            projector.Forget(userId, goalId);
        }

        var goals = BatchChanges.Of(records);
        span?.SetTag("lifestyle.batch.goals", goals.Count);

        // The batch's goals are independent (disjoint items, each goal once per batch), so they are
        // projected side by side: one pass is a handful of sequential round trips, and one goal after
        // another could not keep up with a few hundred changed goals a second (docs/performance.md).
        using var gate = new SemaphoreSlim(MaxConcurrentGoals);
        var projected = await Task.WhenAll(goals.Select(async g =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return (g.FirstIndex, Ok: await TryProjectAsync(g, ct));
            }
            finally
            {
                gate.Release();
            }
        }));
        metrics.WritePatternLines(time.GetUtcNow());
        var failedAt = projected.Where(p => !p.Ok).Select(p => p.FirstIndex).DefaultIfEmpty(int.MaxValue).Min();

        if (goals.Count > 0)
        {
            log.LogInformation(
                "Batch of {Records} records: {Goals} goals changed; lag {LagMs} ms; totals: {Projected} projected ({Kept} from kept state, {Carried} from carried events), {Events} events, {Parked} parked",
                records.Count, goals.Count, metrics.LastLagMs, metrics.GoalsProjected, metrics.StatesKept, metrics.EventsCarried,
                metrics.EventsApplied, metrics.Parked);
        }

        if (failedAt != int.MaxValue)
        {
            span?.SetStatus(ActivityStatusCode.Error, "a goal failed; retried from its first record");
        }

        return failedAt == int.MaxValue ? BatchOutcome.Success : new BatchOutcome(records[failedAt].SequenceNumber);
    }

    private async Task ObserveAsync(ProjectionResult pass, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.ProjectedAsync(pass, ct);
        }
    }

    private async Task<bool> TryProjectAsync(GoalChange change, CancellationToken ct)
    {
        var (userId, goalId) = (change.UserId, change.GoalId);
        using var span = ProjectorTelemetry.StartPass(goalId);
        try
        {
            foreach (var keys in versions.Maintained)
            {
                var result = await projector.ProjectAsync(userId, goalId, keys, ct, change,
                    keys == versions.Live ? pass => ObserveAsync(pass, ct) : null);
                if (result is null)
                {
                    continue;
                }

                metrics.CountProjected(result, time.GetUtcNow() - result.After.LastRecordedAt);
                await cache.WriteAsync(result.After, keys, ct: ct);
            }

            if (failing.TryRemove((userId, goalId), out _))
            {
                await failures.ClearAsync(userId, goalId, ct);
            }

            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // An erasure deleting the goal's events under the pass fails it: that is no failure to keep (it would name the user).
            if (await erasures.GoneAsync(userId, goalId, ct))
            {
                failing.TryRemove((userId, goalId), out _);
                return true;
            }

            failing.TryAdd((userId, goalId), 0);
            LifestyleTelemetry.Failed(span, e);
            var parked = await failures.RecordAsync(userId, goalId, e, ct);
            span?.SetTag("lifestyle.projection.parked", parked);
            metrics.CountFailure(parked);
            log.LogError(e, "Projection of goal {GoalId} (user {UserId}) failed; {Outcome}",
                goalId, userId, parked ? "PARKED after repeated failures" : "will retry");
            return parked;
        }
    }
}

/// <summary>Told after a goal's live read models are written (notifications hang off this).</summary>
public interface IProjectionObserver
{
    Task ProjectedAsync(ProjectionResult result, CancellationToken ct);
}
