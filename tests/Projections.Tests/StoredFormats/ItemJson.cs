using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Projections.Stream;

namespace Lifestyle.Projections.Tests.StoredFormats;

/// <summary>Items as DynamoDB JSON (<c>{"PK": {"S": "…"}}</c>), attributes sorted, for golden files.</summary>
public static class ItemJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IReadOnlyDictionary<string, AttributeValue> item) => Map(item).ToJsonString(Indented) + "\n";

    public static Dictionary<string, AttributeValue> Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return DynamoJson.ReadMap(doc.RootElement);
    }

    private static JsonObject Map(IEnumerable<KeyValuePair<string, AttributeValue>> map)
    {
        var o = new JsonObject();
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            o[key] = Value(value);
        }

        return o;
    }

    private static JsonObject Value(AttributeValue a) => a switch
    {
        { S: { } s } => new JsonObject { ["S"] = s },
        { N: { } n } => new JsonObject { ["N"] = n },
        { BOOL: { } b } => new JsonObject { ["BOOL"] = b },
        { M: { } m } => new JsonObject { ["M"] = Map(m) },
        { L: { } l } => new JsonObject { ["L"] = new JsonArray(l.Select(x => (JsonNode)Value(x)).ToArray()) },
        _ => new JsonObject { ["NULL"] = true },
    };
}
