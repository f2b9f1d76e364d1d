using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Stream;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// A goal a batch changed: where its first head record is (to retry from), the newest head version the
/// batch shows, and the goal's events the batch carries as new images, in version order.
/// </summary>
public sealed record GoalChange(string UserId, string GoalId, int FirstIndex, long HeadVersion, IReadOnlyList<EventEnvelope> Events);

/// <summary>
/// Reads a batch into the goals it changed. A goal-head record says "this goal changed"; an event record
/// carries the event itself, so a pass that knows the goal's state can fold it without querying the
/// table. Our own read-model and checkpoint writes are ignored.
/// </summary>
public static class BatchChanges
{
    public static List<GoalChange> Of(IReadOnlyList<ChangeRecord> records)
    {
        var heads = new Dictionary<(string, string), (int FirstIndex, long Version)>();
        var events = new Dictionary<(string, string), List<EventEnvelope>>();
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r.EventName == "REMOVE" || r.PartitionKey is not { } pk || r.SortKey is not { } sk
                || !pk.StartsWith("USER#", StringComparison.Ordinal))
            {
                continue;
            }

            var userId = pk["USER#".Length..];
            if (sk.StartsWith(Keys.GoalPrefix, StringComparison.Ordinal) && !IsErasureMark(r))
            {
                var key = (userId, sk[Keys.GoalPrefix.Length..]);
                var version = HeadVersion(r);
                heads[key] = heads.TryGetValue(key, out var known) ? (known.FirstIndex, Math.Max(known.Version, version)) : (i, version);
            }
            else if (r.EventName == "INSERT" && r.NewImage is { } image && EventOf(sk, image) is { } e)
            {
                var key = (userId, e.GoalId);
                (events.TryGetValue(key, out var list) ? list : events[key] = []).Add(e);
            }
        }

        return heads
            .OrderBy(h => h.Value.FirstIndex)
            .Select(h => new GoalChange(h.Key.Item1, h.Key.Item2, h.Value.FirstIndex, h.Value.Version,
                events.TryGetValue(h.Key, out var list) ? [.. list.OrderBy(e => e.Version)] : []))
            .ToList();
    }

    /// <summary>The goals whose heads the batch shows marked for erasure (those records project nothing).</summary>
    public static IEnumerable<(string UserId, string GoalId)> ErasedGoals(IReadOnlyList<ChangeRecord> records) =>
        records.Where(r => r.EventName != "REMOVE" && IsErasureMark(r)
                && r.PartitionKey is { } pk && pk.StartsWith("USER#", StringComparison.Ordinal)
                && r.SortKey is { } sk && sk.StartsWith(Keys.GoalPrefix, StringComparison.Ordinal))
            .Select(r => (r.PartitionKey!["USER#".Length..], r.SortKey![Keys.GoalPrefix.Length..]))
            .Distinct();

    private static bool IsErasureMark(ChangeRecord r) => r.NewImage is { } image && image.ContainsKey(ErasureItems.Marker);

    /// <summary>The head's version, or 0 when the record has no usable image (then the pass queries the table).</summary>
    private static long HeadVersion(ChangeRecord r) =>
        r.NewImage is { } image && image.TryGetValue("version", out var v) && long.TryParse(v.N, out var version) ? version : 0;

    /// <summary>
    /// The event an image holds, or null when it is not one we can decode here (an unknown type is left
    /// to the pass's own Query, which then fails and parks the goal as usual).
    /// </summary>
    private static EventEnvelope? EventOf(string sk, IReadOnlyDictionary<string, AttributeValue> image)
    {
        if (!sk.StartsWith(Keys.AnyEventPrefix, StringComparison.Ordinal)
            || !image.TryGetValue(EventItems.EventType, out var type) || !EventCatalog.IsKnown(type.S))
        {
            return null;
        }

        return EventItems.FromItem(image);
    }
}
