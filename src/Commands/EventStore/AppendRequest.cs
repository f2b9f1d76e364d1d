using Lifestyle.Commands.Common;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.EventStore;

/// <summary>One command's worth of writes: committed together or not at all.</summary>
public sealed record AppendRequest(
    GoalState? Before,
    GoalState After,
    IReadOnlyList<EventEnvelope> Events,
    int OpenGoalsDelta,
    IdempotencyRequest? Idempotency,
    CommandResult Response,
    DateTimeOffset Now);

public enum AppendOutcome
{
    Appended,

    /// <summary>The head moved past the expected version: someone else appended first.</summary>
    VersionConflict,

    /// <summary>A concurrent request with the same idempotency key committed first.</summary>
    IdempotencyConflict,

    /// <summary>The open-goal counter hit the quota between read and write.</summary>
    QuotaConflict,

    /// <summary>DynamoDB refused a transaction that overlapped another in flight.</summary>
    TransactionConflict,
}

/// <summary>A first response kept for replays of the same idempotency key.</summary>
public sealed record StoredResponse(string Fingerprint, CommandResult Result);
