namespace Lifestyle.Domain.Events;

/// <summary>An event as stored: its place in the goal's stream and when it was recorded.</summary>
public sealed record EventEnvelope(
    string UserId,
    string GoalId,
    long Version,
    DateTimeOffset RecordedAt,
    string EventId,
    GoalEvent Event);
