using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Commands.Common;

/// <summary>What a handler supplies: how to decide, and how to describe the outcome.</summary>
/// <param name="GoalId">The goal commanded (for a create, the new id).</param>
/// <param name="IsCreate">True when the goal must not exist yet.</param>
/// <param name="Decide">decide(state, openGoals, now); may read (e.g. the activity being removed).</param>
/// <param name="SuccessStatus">201 for creations, 200 otherwise.</param>
/// <param name="Respond">The response from the state after the events and the events appended.</param>
public sealed record GoalCommandPlan(
    string GoalId,
    bool IsCreate,
    Func<GoalState?, int, DateTimeOffset, Task<IReadOnlyList<GoalEvent>>> Decide,
    int SuccessStatus,
    Func<GoalState, IReadOnlyList<EventEnvelope>, CommandResponse> Respond);

/// <summary>
/// Load → decide → append with the expected version. A lost race without <c>If-Match</c> re-reads and
/// re-decides (bounded); with it, the loser gets 412. Idempotency keys replay the first response.
/// The load prefers this process's last known head; anything but an append from it (a rejection, a
/// no-op, a conflict) is redone from a consistent read, so a stale head never decides an answer.
/// A create first assumes the user has room under the quota and reads no PROFILE: the transaction's
/// counter condition enforces the quota, and only when it fails is the count read and the create re-decided.
/// </summary>
public sealed class GoalCommandExecutor(
    GoalEventStore store, RecentGoalHeads heads, IdempotencyRecords idempotency, TimeProvider time, ILogger<GoalCommandExecutor> log)
{
    public const int MaxAttempts = 60;

    public async Task<CommandResult> ExecuteAsync(CommandMetadata meta, GoalCommandPlan plan, CancellationToken ct)
    {
        var useCache = true;
        var readOpenGoals = false;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (meta.Idempotency is { } idem && await idempotency.FindAsync(meta.UserId, idem.Key, ct) is { } stored)
            {
                return stored.Fingerprint == idem.Fingerprint ? stored.Result : throw new IdempotencyKeyReusedException(idem.Key);
            }

            var cached = useCache && !plan.IsCreate ? Cached(meta, plan.GoalId) : null;
            var state = plan.IsCreate ? null : cached ?? await LoadAsync(meta, plan.GoalId, ct);
            var openGoals = plan.IsCreate && readOpenGoals ? await store.OpenGoalsAsync(meta.UserId, ct) : 0;
            var now = time.GetUtcNow();
            IReadOnlyList<GoalEvent> events;
            try
            {
                events = await plan.Decide(state, openGoals, now);
            }
            catch (Exception) when (cached is not null && !ct.IsCancellationRequested)
            {
                useCache = Stale(meta, plan.GoalId);
                continue;
            }

            if (events.Count == 0 && cached is not null)
            {
                useCache = Stale(meta, plan.GoalId);
                continue;
            }

            if (events.Count == 0)
            {
                // Nothing to append, but the key is still bound to this request and its answer.
                var unchanged = new CommandResult(plan.SuccessStatus, plan.Respond(state!, []));
                if (meta.Idempotency is { } key && !await idempotency.TryRecordAsync(meta.UserId, key, unchanged, now, ct))
                {
                    continue;
                }

                return unchanged;
            }

            var stamped = GoalStream.Stamp(state, meta.UserId, plan.GoalId, events, now, () => Guid.CreateVersion7().ToString("N"));
            var after = stamped.Aggregate(state, GoalState.Evolve)!;
            var result = new CommandResult(plan.SuccessStatus, plan.Respond(after, stamped));
            var request = new AppendRequest(state, after, stamped, GoalStream.OpenGoalsDelta(state, events), meta.Idempotency, result, now);
            var outcome = await store.AppendAsync(request, ct);
            if (outcome == AppendOutcome.Appended)
            {
                heads.Remember(after);
                return result;
            }

            if (outcome == AppendOutcome.VersionConflict && cached is not null)
            {
                // Most likely our cached head is behind (another process appended): re-read at once.
                useCache = Stale(meta, plan.GoalId);
                continue;
            }

            if (outcome == AppendOutcome.QuotaConflict && !readOpenGoals)
            {
                // Decided on the assumed count: the quota may really be used up, so read the count at once.
                readOpenGoals = true;
                continue;
            }

            if (outcome == AppendOutcome.VersionConflict && meta.ExpectedVersion is { } expected)
            {
                throw new VersionMismatchException(expected, (await LoadAsync(meta, plan.GoalId, ct)).Version);
            }

            log.LogDebug("Goal {GoalId}: {Outcome} on attempt {Attempt}; re-reading", plan.GoalId, outcome, attempt);
            await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 3), ct);
        }

        throw new ConcurrencyExhaustedException(plan.GoalId, MaxAttempts);
    }

    private GoalState? Cached(CommandMetadata meta, string goalId) =>
        heads.Find(meta.UserId, goalId) is { } head && (meta.ExpectedVersion is null || meta.ExpectedVersion == head.Version) ? head : null;

    private bool Stale(CommandMetadata meta, string goalId)
    {
        heads.Forget(meta.UserId, goalId);
        return false;
    }

    private async Task<GoalState> LoadAsync(CommandMetadata meta, string goalId, CancellationToken ct)
    {
        var state = GoalIds.IsWellFormed(goalId) ? await store.LoadAsync(meta.UserId, goalId, ct) : null;
        if (state is null)
        {
            // The erasure may have deleted this head already: while it runs the answer is still user-erased.
            await store.ThrowIfErasingAsync(meta.UserId, ct);
            throw new GoalRuleException(GoalErrorCode.GoalNotFound, $"Goal {goalId} was not found.");
        }

        heads.Remember(state);
        if (meta.ExpectedVersion is { } expected && state.Version != expected)
        {
            throw new VersionMismatchException(expected, state.Version);
        }

        return state;
    }
}
