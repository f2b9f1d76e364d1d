using System.Globalization;

namespace Lifestyle.Infrastructure.Storage;

/// <summary>The single-table key layout of docs/product-rules.md §2 (see docs/adr/0001).</summary>
public static class Keys
{
    public const string PK = "PK";
    public const string SK = "SK";
    public const string Gsi1 = "GSI1";
    public const string Gsi1PK = "GSI1PK";
    public const string Gsi1SK = "GSI1SK";
    public const string Gsi2 = "GSI2";
    public const string Gsi2PK = "GSI2PK";
    public const string Gsi2SK = "GSI2SK";
    public const string Ttl = "ttl";

    /// <summary>GSI1 status partitions are split this many ways so no status is one hot partition.</summary>
    public const int StatusShards = 16;

    public const string Profile = "PROFILE";

    public static string User(string userId) => $"USER#{userId}";

    public static string Goal(string goalId) => $"GOAL#{goalId}";

    public const string GoalPrefix = "GOAL#";

    /// <summary>What every event's sort key begins with.</summary>
    public const string AnyEventPrefix = "ACTIVITY#";

    public static string EventPrefix(string goalId) => $"{AnyEventPrefix}{goalId}#";

    public static string Event(string goalId, DateTimeOffset recordedAt) => EventPrefix(goalId) + Timestamp(recordedAt);

    public static string Idempotency(string key) => $"IDEMPOTENCY#{key}";

    public static string StatusPartition(string status, string goalId) => StatusShard(status, Shard(goalId));

    /// <summary>One GSI1 partition of the goals in <paramref name="status"/>: <c>STATUS#{status}#{shard:D2}</c>.</summary>
    public static string StatusShard(string status, int shard) => $"STATUS#{status}#{shard:D2}";

    public static string ActivityIndex(string userId, string goalId) => $"ACTIVITIES#{userId}#{goalId}";

    public static string ActivityIndexSort(DateTimeOffset occurredAt, string activityId) => $"{Timestamp(occurredAt)}#{activityId}";

    public const string RemovedSuffix = "#removed";

    /// <summary>Fixed-width UTC, so lexical order is time order: yyyy-MM-ddTHH:mm:ss.fffffffZ.</summary>
    public static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A stable (process-independent) shard of a goal id.</summary>
    public static int Shard(string goalId)
    {
        uint hash = 2166136261;
        foreach (var ch in goalId)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return (int)(hash % StatusShards);
    }
}
