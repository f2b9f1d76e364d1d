namespace Lifestyle.Projections.Projection;

/// <summary>One goal of one user: what replay, verify, the daily close and the parked list walk.</summary>
public sealed record GoalRef(string UserId, string GoalId);
