using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Commands.Common;

/// <summary>
/// The linear command path: replay a recorded answer, or load → decide → append with the expected version.
/// Each attempt is one pass down that path; <see cref="CommandRetryPolicy"/> decides whether there is another.
/// A decision taken on an unconfirmed (remembered) head that does not end in an append — a rule error, a
/// no-op, a conflict — is redone from a consistent read, so a stale head never decides an answer.
/// </summary>
public sealed class GoalCommandService(IGoalStore store, CommandRetryPolicy retry, TimeProvider time, ILogger<GoalCommandService> log)
{
    public Task<CommandResult> ExecuteAsync<TCommand>(TCommand command, GoalCommandHandler<TCommand> handler, CancellationToken ct)
        where TCommand : IGoalCommand =>
        retry.RunAsync(command.GoalId, (reads, token) => AttemptAsync(command, handler, reads, token), ct);

    private async Task<Attempt> AttemptAsync<TCommand>(
        TCommand command, GoalCommandHandler<TCommand> handler, Reads reads, CancellationToken ct)
        where TCommand : IGoalCommand
    {
        var meta = command.Meta;
        if (meta.Idempotency is { } idem && await store.FindResponseAsync(meta.UserId, idem.Key, ct) is { } stored)
        {
            return stored.Fingerprint == idem.Fingerprint ? Attempt.Done(stored.Result) : throw new IdempotencyKeyReusedException(idem.Key);
        }

        var head = handler.Creates ? null : await LoadAsync(meta, command.GoalId, reads.Head, ct);
        if (head is { Confirmed: false, State: var remembered } && meta.ExpectedVersion is { } expected && remembered.Version != expected)
        {
            return Attempt.RereadHead(reads);
        }

        var intent = await handler.IntentAsync(command, store, ct);
        var openGoals = handler.Creates ? await store.OpenGoalsAsync(meta.UserId, reads.Quota, ct) : 0;
        var now = time.GetUtcNow();
        IReadOnlyList<GoalEvent> events;
        try
        {
            events = GoalDecider.Decide(head?.State, intent, openGoals, now);
        }
        catch (GoalRuleException) when (head is { Confirmed: false })
        {
            return Attempt.RereadHead(reads);
        }

        if (events.Count == 0)
        {
            return head switch
            {
                { Confirmed: false } => Attempt.RereadHead(reads),
                { State: var unchanged } => await AnswerUnchangedAsync(meta, handler, unchanged, reads, now, ct),
                null => throw new InvalidOperationException($"Goal {command.GoalId}: a create decided no event."),
            };
        }

        var before = head?.State;
        var stamped = GoalStream.Stamp(before, meta.UserId, command.GoalId, events, now, () => Guid.CreateVersion7().ToString("N"));
        var after = stamped.Aggregate(before, GoalState.Evolve)!;
        var result = new CommandResult(handler.SuccessStatus, handler.Respond(new Appended(after, stamped)));
        var outcome = await store.AppendAsync(
            new AppendRequest(before, after, stamped, GoalStream.OpenGoalsDelta(before, events), meta.Idempotency, result, now), ct);
        return await AfterAppendAsync(outcome, meta, command.GoalId, head, result, reads, ct);
    }

    private async Task<Attempt> AfterAppendAsync(
        AppendOutcome outcome, CommandMetadata meta, string goalId, LoadedHead? head, CommandResult result, Reads reads, CancellationToken ct)
    {
        switch (outcome)
        {
            case AppendOutcome.Appended:
                return Attempt.Done(result);
            case AppendOutcome.VersionConflict when head is { Confirmed: false }:
                // Most likely the remembered head is behind (another process appended): re-read at once.
                return Attempt.RereadHead(reads);
            case AppendOutcome.QuotaConflict when reads.Quota == Freshness.Recent:
                // Decided on an assumed count: the quota may really be used up, so read the count at once.
                return Attempt.RecountQuota(reads);
            case AppendOutcome.VersionConflict when meta.ExpectedVersion is { } expected:
                var current = await store.LoadHeadAsync(meta.UserId, goalId, Freshness.Consistent, ct);
                throw new VersionMismatchException(expected, current?.State.Version ?? 0);
            default:
                log.LogDebug("Goal {GoalId}: {Outcome}; re-reading", goalId, outcome);
                return Attempt.Conflict(reads);
        }
    }

    private async Task<LoadedHead> LoadAsync(CommandMetadata meta, string goalId, Freshness freshness, CancellationToken ct)
    {
        var head = await store.LoadHeadAsync(meta.UserId, goalId, freshness, ct)
            ?? throw new GoalRuleException(GoalErrorCode.GoalNotFound, $"Goal {goalId} was not found.");
        if (head.Confirmed && meta.ExpectedVersion is { } expected && head.State.Version != expected)
        {
            throw new VersionMismatchException(expected, head.State.Version);
        }

        return head;
    }

    /// <summary>Nothing to append, but an idempotency key is still bound to this request and its answer.</summary>
    private async Task<Attempt> AnswerUnchangedAsync<TCommand>(
        CommandMetadata meta, GoalCommandHandler<TCommand> handler, GoalState state, Reads reads, DateTimeOffset now, CancellationToken ct)
        where TCommand : IGoalCommand
    {
        var unchanged = new CommandResult(handler.SuccessStatus, handler.Respond(new Appended(state, [])));
        if (meta.Idempotency is { } key && !await store.RecordResponseAsync(meta.UserId, key, unchanged, now, ct))
        {
            return Attempt.RereadHead(reads);
        }

        return Attempt.Done(unchanged);
    }
}
