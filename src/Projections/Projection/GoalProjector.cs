using Lifestyle.Domain.Events;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection.Sources;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// What one projection pass applied: the fold before and after, and the events in between; whether the
/// pass started from the state kept in memory and folded the events its batch carried (no table reads).
/// </summary>
public sealed record ProjectionResult(
    GoalProjection? Before, GoalProjection After, IReadOnlyList<EventEnvelope> Applied, bool StateKept = false, bool EventsCarried = false);

/// <summary>
/// Brings one goal's table read models up to its latest event: starts from the fold its source gives (the stored
/// progress item, or the fold this process kept), folds the events after it (queried, or carried by the batch), and
/// writes every read model gated on the new version, so duplicates, retries and out-of-order notifications change nothing.
/// </summary>
public sealed class GoalProjector(IProjectionSource source, ReadModelWriter writer, ErasureGuard guard)
{
    /// <param name="beforeWrite">
    /// Runs with the folded pass before its read models are written: what it records (the notification facts)
    /// is then never lost to a crash between the two, because a redelivery finds the read models unchanged
    /// and folds the same pass again.
    /// </param>
    public async Task<ProjectionResult?> ProjectAsync(
        string userId, string goalId, ReadModelKeys keys, CancellationToken ct, GoalChange? change = null,
        Func<ProjectionResult, Task>? beforeWrite = null)
    {
        var pass = new GoalPass(userId, goalId, keys, change);
        try
        {
            var result = await PassAsync(pass, beforeWrite, ct);
            if (result is not null)
            {
                source.Projected(pass, result.After);
            }

            return result;
        }
        catch
        {
            source.Failed(pass);
            throw;
        }
    }

    /// <summary>Drops what is known of the goal (being erased: nothing of it may be written from memory).</summary>
    public void Forget(string userId, string goalId) => source.Forget(userId, goalId);

    private async Task<ProjectionResult?> PassAsync(GoalPass pass, Func<ProjectionResult, Task>? beforeWrite, CancellationToken ct)
    {
        if (guard.Known(pass.UserId, pass.GoalId))
        {
            return null;
        }

        var start = await source.StartAsync(pass, ct);
        if (start.AlreadyPast)
        {
            return null;
        }

        var before = start.State;
        var events = await source.EventsAfterAsync(pass, before, ct);
        if (events.Events.Count == 0)
        {
            return null;
        }

        var applied = events.Events;
        var expected = (before?.Version ?? 0) + 1;
        if (applied[0].Version != expected || applied.Select((e, i) => e.Version != expected + i).Any(gap => gap))
        {
            throw new InvalidOperationException(
                $"Goal {pass.GoalId}: events after version {expected - 1} are not consecutive ({string.Join(",", applied.Select(e => e.Version))}).");
        }

        var after = applied.Aggregate(before, GoalProjection.Evolve)!;
        var result = new ProjectionResult(before, after, applied, start.Kept, events.Carried);
        if (beforeWrite is not null)
        {
            await beforeWrite(result);
        }

        if (!await WriteAsync(before, after, applied, pass.Keys, ct))
        {
            source.Failed(pass);
            return null;
        }

        return result;
    }

    /// <summary>Writes the pass; false when the user turned out to be erased (what was written is deleted again).</summary>
    private async Task<bool> WriteAsync(
        GoalProjection? before, GoalProjection after, IReadOnlyList<EventEnvelope> applied, ReadModelKeys keys, CancellationToken ct)
    {
        var touched = TouchedPeriods.Of(before, after, applied);
        foreach (var day in touched.DeleteDays)
        {
            await writer.DeleteAsync(after.UserId, keys.DailySnapshot(after.GoalId, day), after.Version, ct);
        }

        var streak = before is null || !ReadModelItems.StreakUnchanged(before, after);
        var dependents = ReadModelItems.Dependents(after, touched.PutDays, touched.Weeks, keys, streak);
        var progress = ReadModelItems.Progress(after, keys);
        var outcome = await writer.PutAllAsync(dependents, progress, after.Version, rebuild: false, ct, lastMustExist: before is not null);
        if (before is not null && !outcome.LastMissing)
        {
            return true;
        }

        // A first pass, or the progress item vanished under a later one: an erasure may have run meanwhile.
        if (await guard.GoneAsync(after.UserId, after.GoalId, ct))
        {
            await guard.UndoAsync([.. dependents, progress], ct);
            return false;
        }

        if (outcome.LastMissing)
        {
            await writer.PutAsync(progress, after.Version, rebuild: false, ct);
        }

        return true;
    }
}
