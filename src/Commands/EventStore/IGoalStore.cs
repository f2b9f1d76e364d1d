using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.EventStore;

/// <summary>
/// The command side's storage port: everything a decision reads and the one atomic append
/// (docs/adr/0008-storage-port-and-linear-command-path.md). <see cref="DynamoGoalStore"/> implements it over the
/// table; <see cref="CachedGoalHeads"/> and <see cref="AssumedQuota"/> are decorators that answer some reads
/// without a request when <see cref="Freshness.Recent"/> is good enough.
/// </summary>
public interface IGoalStore
{
    /// <summary>The goal's head, or null when there is none (throws <see cref="UserErasedException"/> while the user is erased).</summary>
    Task<LoadedHead?> LoadHeadAsync(string userId, string goalId, Freshness freshness, CancellationToken ct);

    /// <summary>The user's count of active and paused goals (0 when unknown at <see cref="Freshness.Recent"/>).</summary>
    Task<int> OpenGoalsAsync(string userId, Freshness freshness, CancellationToken ct);

    /// <summary>The logged activity with this id, unless it does not exist or was removed since.</summary>
    Task<FoundActivity?> FindActivityAsync(string userId, string goalId, string activityId, CancellationToken ct);

    Task<StoredResponse?> FindResponseAsync(string userId, string idempotencyKey, CancellationToken ct);

    /// <summary>Binds a key to the answer of a command that appended nothing; false when another request took the key first.</summary>
    Task<bool> RecordResponseAsync(string userId, IdempotencyRequest idempotency, CommandResult result, DateTimeOffset now, CancellationToken ct);

    /// <summary>Events, head, counter and idempotency record together, or nothing (then the outcome says which check failed).</summary>
    Task<AppendOutcome> AppendAsync(AppendRequest append, CancellationToken ct);
}

/// <summary>How fresh a read must be.</summary>
public enum Freshness
{
    /// <summary>Whatever this process saw last will do: the append's conditions catch it if it was stale.</summary>
    Recent,

    /// <summary>A strongly consistent read of the table.</summary>
    Consistent,
}

/// <param name="Confirmed">True when read consistently from the table; false for a remembered copy that may be stale.</param>
public sealed record LoadedHead(GoalState State, bool Confirmed);
