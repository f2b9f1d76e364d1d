namespace Lifestyle.Commands.Users.Erasure;

/// <summary>One erasure as its pending record holds it: whose, since when, how many items are gone so far, which goals it saw.</summary>
public sealed record ErasureJob(string ErasureId, string UserId, DateTimeOffset RequestedAt, long ItemsSoFar, IReadOnlyCollection<string> GoalIds);
