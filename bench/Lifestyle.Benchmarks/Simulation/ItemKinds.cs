using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>The kind of a table item from its sort key (the item families of docs/capacity.md §3), as both censuses count them.</summary>
public static class ItemKinds
{
    public const string Event = "event";
    public const string Goal = "goal head";
    public const string Progress = "progress";
    public const string Snapshot = "daily snapshot";
    public const string Rollup = "weekly rollup";
    public const string Streak = "streak";
    public const string Idempotency = "idempotency";
    public const string Notification = "notification";
    public const string Insights = "insights";

    /// <summary>Read models a projection pass writes (what the stream filter of docs/capacity.md §7 leaves out).</summary>
    public static readonly string[] ReadModels = [Progress, Snapshot, Rollup, Streak];

    public static string Of(string sk)
    {
        if (sk.StartsWith("RMV#", StringComparison.Ordinal))
        {
            return "other read-model version";
        }

        var head = sk.Split('#')[0];
        return head switch
        {
            "ACTIVITY" => Event,
            "GOAL" => Goal,
            "PROGRESS" => sk.Count(c => c == '#') == 1 ? Progress : Snapshot,
            "ROLLUP" => Rollup,
            "STREAK" => Streak,
            "IDEMPOTENCY" => Idempotency,
            "NOTIFICATION" => Notification,
            "INSIGHTS" => Insights,
            _ => head.ToLowerInvariant(),
        };
    }

    /// <summary>An item's kind; events are split by type (<c>event activity-logged.v1</c>).</summary>
    public static string Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var kind = Of(item[Keys.SK].S);
        return kind == Event && item.TryGetValue("eventType", out var type) ? $"{Event} {type.S}" : kind;
    }

    /// <summary>Whether the projector's stream filter passes the record (SK begins with GOAL# or ACTIVITY#).</summary>
    public static bool PassesFilter(string sk) =>
        sk.StartsWith(Keys.GoalPrefix, StringComparison.Ordinal) || sk.StartsWith(Keys.AnyEventPrefix, StringComparison.Ordinal);
}
