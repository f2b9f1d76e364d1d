namespace Lifestyle.Infrastructure.Storage;

/// <summary>Partitions outside the users' that can still name a user (the erasure removes those items too).</summary>
public static class SystemKeys
{
    /// <summary>The projector's failing and parked goals (<c>FAILURE#{userId}#{goalId}</c>) and stream checkpoints.</summary>
    public const string Projector = "SYSTEM#PROJECTOR";

    /// <summary>Replay runs and their segment checkpoints (a checkpoint's <c>lastKey</c> is a user's item key).</summary>
    public const string Replay = "SYSTEM#REPLAY";

    public static string FailurePrefix(string userId) => $"FAILURE#{userId}#";

    public static string Failure(string userId, string goalId) => FailurePrefix(userId) + goalId;
}
