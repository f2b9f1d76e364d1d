using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Infrastructure.Storage;

/// <summary>Lossless conversion between JSON trees and DynamoDB attribute values (numbers keep their text).</summary>
public static class AttributeJson
{
    public static AttributeValue ToAttribute(JsonNode? node) => node switch
    {
        null => new AttributeValue { NULL = true },
        JsonObject o => new AttributeValue { M = ToMap(o) },
        JsonArray a => new AttributeValue { L = a.Select(ToAttribute).ToList() },
        JsonValue v when v.TryGetValue<bool>(out var b) => new AttributeValue { BOOL = b },
        JsonValue v when v.TryGetValue<string>(out var s) => new AttributeValue { S = s },
        JsonValue v => new AttributeValue { N = v.ToJsonString() },
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    public static Dictionary<string, AttributeValue> ToMap(JsonObject o) =>
        o.ToDictionary(kv => kv.Key, kv => ToAttribute(kv.Value), StringComparer.Ordinal);

    public static JsonNode? ToJson(AttributeValue a)
    {
        if (a.S is not null)
        {
            return JsonValue.Create(a.S);
        }

        if (a.N is not null)
        {
            return JsonValue.Create(decimal.Parse(a.N, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (a.BOOL is { } b)
        {
            return JsonValue.Create(b);
        }

        if (a.M is not null)
        {
            return ToJsonObject(a.M);
        }

        if (a.L is not null)
        {
            return new JsonArray(a.L.Select(ToJson).ToArray());
        }

        if (a.SS is not null)
        {
            return new JsonArray(a.SS.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        return null;
    }

    public static JsonObject ToJsonObject(IEnumerable<KeyValuePair<string, AttributeValue>> map)
    {
        var o = new JsonObject();
        foreach (var (key, value) in map)
        {
            o[key] = ToJson(value);
        }

        return o;
    }
}
