using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Memory;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// What one projection pass applied: the fold before and after, and the events in between; whether the
/// pass started from the state kept in memory and folded the events its batch carried (no table reads).
/// </summary>
public sealed record ProjectionResult(
    GoalProjection? Before, GoalProjection After, IReadOnlyList<EventEnvelope> Applied, bool StateKept = false, bool EventsCarried = false);

/// <summary>
/// Brings one goal's table read models up to its latest event: reads the events after the applied
/// version (consistent Query), folds them, and writes every read model gated on the new version,
/// so duplicates, retries and out-of-order notifications change nothing.
/// The state it last wrote stays in memory: the next pass of the goal, when its batch shows a newer head,
/// starts from it instead of reading the progress item, and folds the events the stream batch carries instead of querying them when they
/// cover every version up to the batch's head. A stale state only re-folds events; the writes stay gated.
/// </summary>
public sealed class GoalProjector(IAmazonDynamoDB db, IOptions<DynamoOptions> options, ReadModelWriter writer, ErasureGuard guard, TimeProvider time)
{
    /// <summary>
    /// Goal folds kept between passes, over all maintained read-model versions. A fold holds a goal's daily
    /// totals, so a year of history is some tens of KiB: 2,000 stays well inside the Lambda's memory.
    /// </summary>
    public const int StateCapacity = 2_000;

    /// <summary>
    /// Carried events older than this mean the projector is behind: the pass then queries the table, which
    /// also folds the goal's newer events (their head records are still ahead in the stream), so one pass
    /// and one set of writes covers them all and the later records find nothing left to do.
    /// </summary>
    public static readonly TimeSpan CatchUpAfter = TimeSpan.FromMilliseconds(500);

    private readonly string table = options.Value.TableName;
    private readonly RecentVersions<(string, string, string), GoalProjection> states = new(StateCapacity, p => p.Version);

    /// <param name="beforeWrite">
    /// Runs with the folded pass before its read models are written: what it records (the notification facts)
    /// is then never lost to a crash between the two, because a redelivery finds the read models unchanged
    /// and folds the same pass again.
    /// </param>
    public async Task<ProjectionResult?> ProjectAsync(
        string userId, string goalId, ReadModelKeys keys, CancellationToken ct, GoalChange? change = null,
        Func<ProjectionResult, Task>? beforeWrite = null)
    {
        var key = (keys.Version, userId, goalId);
        try
        {
            var result = await PassAsync(userId, goalId, keys, change, key, beforeWrite, ct);
            if (result is not null)
            {
                states.Set(key, result.After);
            }

            return result;
        }
        catch
        {
            states.Remove(key);
            throw;
        }
    }

    /// <summary>Drops the goal's kept folds (being erased: nothing of it may be written from memory).</summary>
    public void Forget(string userId, string goalId) => states.RemoveWhere(k => k.Item2 == userId && k.Item3 == goalId);

    private async Task<ProjectionResult?> PassAsync(
        string userId, string goalId, ReadModelKeys keys, GoalChange? change, (string, string, string) key,
        Func<ProjectionResult, Task>? beforeWrite, CancellationToken ct)
    {
        if (guard.Known(userId, goalId))
        {
            return null;
        }

        // The kept state serves only the forward path (the batch brings a newer head); a redelivery reads
        // the table as before, so it still rebuilds read models that went missing.
        if (change is not null && states.TryGet(key, out var ahead) && ahead.Version > change.HeadVersion)
        {
            // This process already projected past this record (a pass that caught up read further).
            return null;
        }

        var kept = states.TryGet(key, out var known) && change is not null && change.HeadVersion > known.Version;
        var before = kept ? known : await LoadAsync(userId, goalId, keys, ct);
        var carried = Carried(before, change, time.GetUtcNow());
        var events = carried ?? await EventReader.ReadAfterAsync(db, table, userId, goalId, before?.LastRecordedAt, ct);
        if (events.Count == 0)
        {
            return null;
        }

        var expected = (before?.Version ?? 0) + 1;
        if (events[0].Version != expected || events.Select((e, i) => e.Version != expected + i).Any(gap => gap))
        {
            throw new InvalidOperationException(
                $"Goal {goalId}: events after version {expected - 1} are not consecutive ({string.Join(",", events.Select(e => e.Version))}).");
        }

        var after = events.Aggregate(before, GoalProjection.Evolve)!;
        var result = new ProjectionResult(before, after, events, kept, carried is not null);
        if (beforeWrite is not null)
        {
            await beforeWrite(result);
        }

        if (!await WriteAsync(before, after, events, keys, ct))
        {
            states.Remove(key);
            return null;
        }

        return result;
    }

    /// <summary>
    /// The batch's own events when they are exactly the versions after <paramref name="before"/> up to its
    /// head, and recent (see <see cref="CatchUpAfter"/>).
    /// </summary>
    private static List<EventEnvelope>? Carried(GoalProjection? before, GoalChange? change, DateTimeOffset now)
    {
        var next = (before?.Version ?? 0) + 1;
        if (change is null || change.HeadVersion < next || change.Events.Count == 0 || now - change.Events[^1].RecordedAt > CatchUpAfter)
        {
            return null;
        }

        var run = change.Events.SkipWhile(e => e.Version < next).TakeWhile(e => e.Version <= change.HeadVersion).ToList();
        return run.Count == change.HeadVersion - next + 1 && run.Select((e, i) => e.Version == next + i).All(ok => ok) ? run : null;
    }

    public async Task<GoalProjection?> LoadAsync(string userId, string goalId, ReadModelKeys keys, CancellationToken ct) =>
        await db.GetItemOrNullAsync(table, Keys.User(userId), keys.Progress(goalId), ct) is { } item ? ReadModelItems.ReadState(item) : null;

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
