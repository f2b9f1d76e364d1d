using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Infrastructure.Cache;

/// <summary>Redis keys of one read-model version.</summary>
public static class CacheKeys
{
    /// <summary>Hash {version, data}: one goal's projection state (data is the PROGRESS# state JSON).</summary>
    public static string Goal(ReadModelKeys keys, string userId, string goalId) => $"{keys.Cache}:goal:{userId}:{goalId}";

    /// <summary>Set of a user's goal ids; only ever complete (filled from the table), so writers add only when it exists.</summary>
    public static string GoalIds(ReadModelKeys keys, string userId) => $"{keys.Cache}:goals:{userId}";

    /// <summary>String {schemaVersion, data}: a user's insights as of the last daily close.</summary>
    public static string Insights(ReadModelKeys keys, string userId) => $"{keys.Cache}:insights:{userId}";

    /// <summary>String {schemaVersion, data}: the cross-user template statistics (counts only).</summary>
    public static string TemplateStats(ReadModelKeys keys) => $"{keys.Cache}:stats:templates";
}
