using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Infrastructure.Cache;

/// <summary>Redis keys of one read-model version.</summary>
public static class CacheKeys
{
    /// <summary>Hash {version, data}: one goal's projection state (data is the PROGRESS# state JSON).</summary>
    public static string Goal(ReadModelKeys keys, string userId, string goalId) => $"{keys.Cache}:goal:{userId}:{goalId}";

    /// <summary>Set of a user's goal ids; only ever complete (filled from the table), so writers add only when it exists.</summary>
    public static string GoalIds(ReadModelKeys keys, string userId) => $"{keys.Cache}:goals:{userId}";
}
