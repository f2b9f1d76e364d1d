using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;

namespace Lifestyle.Infrastructure.Storage;

/// <summary>An event ↔ its immutable <c>ACTIVITY#goalId#timestamp</c> item.</summary>
public static class EventItems
{
    public const string EventType = "eventType";
    public const string Version = "version";
    public const string EventId = "eventId";
    public const string RecordedAt = "recordedAt";
    public const string SchemaVersion = "schemaVersion";
    public const string Data = "data";

    public static Dictionary<string, AttributeValue> ToItem(EventEnvelope e)
    {
        var codec = EventCatalog.For(e.Event);
        var data = (JsonObject)JsonSerializer.SerializeToNode(codec.Encode(e.Event), codec.ShapeType, StoreJson.Options)!;
        var item = new Dictionary<string, AttributeValue>
        {
            [Keys.PK] = S(Keys.User(e.UserId)),
            [Keys.SK] = S(Keys.Event(e.GoalId, e.RecordedAt)),
            ["entity"] = S("event"),
            ["userId"] = S(e.UserId),
            ["goalId"] = S(e.GoalId),
            [EventType] = S(codec.Name),
            [Version] = N(e.Version),
            [EventId] = S(e.EventId),
            [RecordedAt] = S(Keys.Timestamp(e.RecordedAt)),
            [SchemaVersion] = N(codec.SchemaVersion),
            [Data] = new AttributeValue { M = AttributeJson.ToMap(data) },
        };
        // GSI2: a goal's activities by occurredAt. A removal sorts right after the activity it
        // removes, so one Query pages through live activities without reading anything else.
        switch (e.Event)
        {
            case ActivityLogged a:
                item[Keys.Gsi2PK] = S(Keys.ActivityIndex(e.UserId, e.GoalId));
                item[Keys.Gsi2SK] = S(Keys.ActivityIndexSort(a.OccurredAt, a.ActivityId));
                break;
            case ActivityRemoved r:
                item[Keys.Gsi2PK] = S(Keys.ActivityIndex(e.UserId, e.GoalId));
                item[Keys.Gsi2SK] = S(Keys.ActivityIndexSort(r.OccurredAt, r.ActivityId) + Keys.RemovedSuffix);
                break;
        }

        return item;
    }

    public static EventEnvelope FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var codec = EventCatalog.Named(item[EventType].S);
        var data = AttributeJson.ToJsonObject(item[Data].M);
        var shape = StoredShapes.Read(data, codec.ShapeType, codec.SchemaVersion, StoredShapes.SchemaOf(item), codec.Upcasters, $"event {item[Keys.SK].S}");
        var (userId, goalId) = (item["userId"].S, item["goalId"].S);
        return new EventEnvelope(
            userId,
            goalId,
            long.Parse(item[Version].N, CultureInfo.InvariantCulture),
            Keys.ParseTimestamp(item[RecordedAt].S),
            item[EventId].S,
            codec.Decode(shape, new EventContext(userId, goalId)));
    }

    internal static AttributeValue S(string s) => new() { S = s };

    internal static AttributeValue N(long n) => new() { N = n.ToString(CultureInfo.InvariantCulture) };
}
