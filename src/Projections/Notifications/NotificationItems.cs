using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Notifications;

/// <summary>The table key of one notification item.</summary>
public sealed record NotificationKey(string PK, string SK)
{
    public Dictionary<string, AttributeValue> ToKey() => new() { [Keys.PK] = new(PK), [Keys.SK] = new(SK) };

    public override string ToString() => $"{PK}/{SK}";
}

/// <summary>A notification waiting to be published (read back from the pending index).</summary>
public sealed record PendingNotification(NotificationKey Key, string Type, SnsMessage Message, DateTimeOffset LeaseUntil);

/// <summary>
/// Notification items: <c>USER#{userId}</c> / <c>NOTIFICATION#{goalId or 'user'}#{factKey}</c>, written once per fact
/// (<c>attribute_not_exists</c>) before publishing. While pending they sit in GSI1 under
/// <c>NOTIFY#PENDING#{shard:00}</c> / <c>{createdAt}#{userId}#{factKey}</c>; once sent those keys are removed.
/// </summary>
public static class NotificationItems
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Status = "status";
    public const string LeaseUntil = "leaseUntil";
    public const string PendingPrefix = "NOTIFY#PENDING#";

    public static NotificationKey KeyOf(Notification n) =>
        new(Keys.User(n.UserId), $"NOTIFICATION#{n.GoalId ?? "user"}#{n.FactKey}");

    /// <summary><c>ntf_</c> + 32 hex digits of SHA-256 over the item's key: stable, opaque, one per fact.</summary>
    public static string IdOf(NotificationKey key) =>
        "ntf_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{key.PK}\n{key.SK}")))[..32];

    public static string PendingPartition(int shard) => $"{PendingPrefix}{shard:D2}";

    public static Dictionary<string, AttributeValue> NewPending(Notification n, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        var key = KeyOf(n);
        var message = n.Message();
        var item = key.ToKey();
        item["entity"] = new("notification");
        item["type"] = new(n.Type);
        item["userId"] = new(n.UserId);
        if (n.GoalId is not null)
        {
            item["goalId"] = new(n.GoalId);
        }

        item["factKey"] = new(n.FactKey);
        item["notificationId"] = new(n.NotificationId);
        item["message"] = new(message.Body);
        item["attributes"] = new AttributeValue { M = message.Attributes.ToDictionary(a => a.Key, a => new AttributeValue(a.Value)) };
        item[Status] = new(Pending);
        item["createdAt"] = new(Keys.Timestamp(now));
        item["occurredAt"] = new(Keys.Timestamp(n.OccurredAt));
        item[LeaseUntil] = new(Keys.Timestamp(leaseUntil));
        item["attempts"] = new() { N = "0" };
        item[Keys.Gsi1PK] = new(PendingPartition(Keys.Shard(key.SK + "#" + n.UserId)));
        item[Keys.Gsi1SK] = new($"{Keys.Timestamp(now)}#{n.UserId}#{n.FactKey}");
        return item;
    }

    /// <summary>A pending item as recorded; one recorded before notification ids gets its id as an attribute.</summary>
    public static PendingNotification ReadPending(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var key = new NotificationKey(item[Keys.PK].S, item[Keys.SK].S);
        var attributes = item.TryGetValue("attributes", out var a) && a.M is { } map
            ? map.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value.S)).ToList()
            : [];
        if (attributes.All(kv => kv.Key != "notificationId"))
        {
            attributes.Add(new("notificationId", IdOf(key)));
        }

        return new PendingNotification(
            key,
            item["type"].S,
            new SnsMessage(item["message"].S, [.. attributes.OrderBy(kv => Order(kv.Key))]),
            item.TryGetValue(LeaseUntil, out var lease) ? Keys.ParseTimestamp(lease.S) : DateTimeOffset.MinValue);
    }

    public static AttributeValue Number(long n) => new() { N = n.ToString(CultureInfo.InvariantCulture) };

    private static int Order(string attribute) => attribute switch { "type" => 0, "userId" => 1, "goalId" => 2, "notificationId" => 3, _ => 4 };
}
