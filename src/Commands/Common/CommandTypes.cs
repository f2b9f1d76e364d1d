using MediatR;

namespace Lifestyle.Commands.Common;

/// <summary>What every goal command carries besides its own fields.</summary>
/// <param name="ExpectedVersion">From <c>If-Match</c>: apply only at this version.</param>
/// <param name="Idempotency">From <c>Idempotency-Key</c>, with the request's fingerprint.</param>
public sealed record CommandMetadata(string UserId, long? ExpectedVersion = null, IdempotencyRequest? Idempotency = null);

public sealed record IdempotencyRequest(string Key, string Fingerprint);

/// <summary>The body every command answers with; the same shape is stored for idempotent replays.</summary>
public sealed record CommandResponse(string GoalId, long Version, string? ActivityId = null, string? Status = null);

public sealed record CommandResult(int StatusCode, CommandResponse Body, bool Replayed = false);

public interface IGoalCommand : IRequest<CommandResult>
{
    CommandMetadata Meta { get; }

    /// <summary>The goal commanded (for a create, the new goal's id).</summary>
    string GoalId { get; }
}

/// <summary><c>If-Match</c> named a version the goal is not at.</summary>
public sealed class VersionMismatchException(long expected, long actual)
    : Exception($"The goal is at version {actual}, not {expected}.")
{
    public long Actual { get; } = actual;
}

/// <summary>The same <c>Idempotency-Key</c> was used for a different request.</summary>
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"Idempotency-Key '{key}' was already used for a different request.");

/// <summary>Every re-read-and-retry lost its race; the client may retry.</summary>
public sealed class ConcurrencyExhaustedException(string goalId, int attempts)
    : Exception($"Goal {goalId}: gave up after {attempts} concurrent attempts.");

/// <summary>The user's erasure is under way: no command of theirs applies until it is done.</summary>
public sealed class UserErasedException(string erasureId)
    : Exception($"This account is being erased ({erasureId}); commands are refused until the erasure is done.");
