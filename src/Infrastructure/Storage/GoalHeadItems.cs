using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Infrastructure.Storage;

/// <summary>
/// The goal head <c>GOAL#goalId</c>: the write-model state at its version, flat attributes, plus the
/// GSI1 status keys. Every append rewrites it, so its stream record says "this goal changed".
/// </summary>
public static class GoalHeadItems
{
    private static readonly HashSet<string> KeyAttributes =
        [Keys.PK, Keys.SK, Keys.Gsi1PK, Keys.Gsi1SK, "entity", EventItems.SchemaVersion];

    public static Dictionary<string, AttributeValue> ToItem(GoalState s)
    {
        var json = JsonSerializer.SerializeToNode(GoalHeadShape.From(s), StoreJson.Options)!.AsObject();
        var item = AttributeJson.ToMap(json);
        item[Keys.PK] = EventItems.S(Keys.User(s.UserId));
        item[Keys.SK] = EventItems.S(Keys.Goal(s.GoalId));
        item["entity"] = EventItems.S("goal");
        item[EventItems.SchemaVersion] = EventItems.N(GoalHeadShape.SchemaVersion);
        item[Keys.Gsi1PK] = EventItems.S(Keys.StatusPartition(s.Status.ToWire(), s.GoalId));
        item[Keys.Gsi1SK] = EventItems.S($"USER#{s.UserId}#GOAL#{s.GoalId}");
        return item;
    }

    public static GoalState FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var json = AttributeJson.ToJsonObject(item.Where(kv => !KeyAttributes.Contains(kv.Key)));
        var shape = (GoalHeadShape)StoredShapes.Read(json, typeof(GoalHeadShape), GoalHeadShape.SchemaVersion, StoredShapes.SchemaOf(item), [], "goal head");
        return shape.ToState();
    }
}
