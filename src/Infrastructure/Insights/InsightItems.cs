using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Infrastructure.Insights;

/// <summary>
/// The insights read models as table items and as Redis values. Both carry <c>schemaVersion</c>; a reader refuses
/// a newer one (<see cref="UnknownSchemaVersionException"/>), and the cache treats it as a miss.
/// </summary>
public static class InsightItems
{
    public const string StatsPartition = "STATS#templates";
    private const string Entity = "entity";

    private static readonly HashSet<string> KeyAttributes = [Keys.PK, Keys.SK, Entity, EventItems.SchemaVersion];

    public static Dictionary<string, AttributeValue> User(string userId, UserInsightsShape shape, ReadModelKeys keys) =>
        Item(Keys.User(userId), keys.Insights, "insights", shape, UserInsightsShape.SchemaVersion);

    public static Dictionary<string, AttributeValue> Stats(TemplateStatsShape shape, ReadModelKeys keys) =>
        Item(StatsPartition, keys.TemplateStats, "template-stats", shape, TemplateStatsShape.SchemaVersion);

    public static UserInsightsShape ReadUser(IReadOnlyDictionary<string, AttributeValue> item) =>
        Read<UserInsightsShape>(item, UserInsightsShape.SchemaVersion, "insights");

    public static TemplateStatsShape ReadStats(IReadOnlyDictionary<string, AttributeValue> item) =>
        Read<TemplateStatsShape>(item, TemplateStatsShape.SchemaVersion, "template statistics");

    /// <summary>The Redis value: <c>{schemaVersion, data}</c> as JSON.</summary>
    public static string CacheValue<T>(T shape, int schemaVersion) =>
        new JsonObject { ["schemaVersion"] = schemaVersion, ["data"] = JsonSerializer.SerializeToNode(shape, StoreJson.Options) }
            .ToJsonString();

    /// <summary>The shape in a Redis value, or null when it is of another schema version (a newer writer: read the table).</summary>
    public static T? FromCacheValue<T>(string value, int schemaVersion)
        where T : class
    {
        var node = JsonNode.Parse(value)?.AsObject();
        return node?["schemaVersion"]?.GetValue<int>() == schemaVersion ? node["data"].Deserialize<T>(StoreJson.Options) : null;
    }

    private static Dictionary<string, AttributeValue> Item<T>(string pk, string sk, string entity, T shape, int schemaVersion)
    {
        var item = AttributeJson.ToMap(JsonSerializer.SerializeToNode(shape, StoreJson.Options)!.AsObject());
        item[Keys.PK] = EventItems.S(pk);
        item[Keys.SK] = EventItems.S(sk);
        item[Entity] = EventItems.S(entity);
        item[EventItems.SchemaVersion] = EventItems.N(schemaVersion);
        return item;
    }

    private static T Read<T>(IReadOnlyDictionary<string, AttributeValue> item, int schemaVersion, string what)
    {
        var json = AttributeJson.ToJsonObject(item.Where(kv => !KeyAttributes.Contains(kv.Key)));
        return (T)StoredShapes.Read(json, typeof(T), schemaVersion, StoredShapes.SchemaOf(item), [], what);
    }
}
