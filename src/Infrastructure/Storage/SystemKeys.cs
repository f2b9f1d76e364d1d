namespace Lifestyle.Infrastructure.Storage;

/// <summary>Partitions outside the users' that can still name a user (the erasure removes those items too).</summary>
public static class SystemKeys
{
    /// <summary>The projector's failing and parked goals (<c>FAILURE#{userId}#{goalId}</c>) and stream checkpoints.</summary>
    public const string Projector = "SYSTEM#PROJECTOR";

    /// <summary>Replay runs and their segment checkpoints (a checkpoint's <c>lastKey</c> is a user's item key).</summary>
    public const string Replay = "SYSTEM#REPLAY";

    /// <summary>What every failure item's sort key begins with.</summary>
    public const string AnyFailure = "FAILURE#";

    /// <summary>Goals whose Redis copy must be repaired, in the user's shard: SK <c>{userId}#{readModelVersion}#{goalId}</c>.</summary>
    public const string CacheRepairPrefix = "SYSTEM#CACHE-REPAIR#";

    public static string CacheRepair(string userId) => CacheRepairShard(Keys.Shard(userId));

    public static string CacheRepairShard(int shard) =>
        CacheRepairPrefix + shard.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    public static string CacheRepairSort(string userId, string readModelVersion, string goalId) => $"{userId}#{readModelVersion}#{goalId}";

    public static string FailurePrefix(string userId) => $"FAILURE#{userId}#";

    public static string Failure(string userId, string goalId) => FailurePrefix(userId) + goalId;
}
