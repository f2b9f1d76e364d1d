using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// DynamoDB JSON (<c>{"S":"x"}</c>, <c>{"N":"1.5"}</c>, <c>{"M":{…}}</c>, …) to SDK attribute values, as both
/// the Lambda event and the Streams API's GetRecords carry them. Numbers keep their text; binaries are base64.
/// </summary>
public static class DynamoJson
{
    public static Dictionary<string, AttributeValue> ReadMap(JsonElement map)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected an attribute map, found {map.ValueKind}.");
        }

        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            result[property.Name] = ReadValue(property.Value);
        }

        return result;
    }

    public static AttributeValue ReadValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected an attribute value object, found {value.ValueKind}.");
        }

        using var members = value.EnumerateObject();
        if (!members.MoveNext())
        {
            throw new FormatException("Empty attribute value.");
        }

        var (type, body) = (members.Current.Name, members.Current.Value);
        if (members.MoveNext())
        {
            throw new FormatException($"Attribute value with more than one type: {type}, {members.Current.Name}.");
        }

        return type switch
        {
            "S" => new AttributeValue { S = Text(body, type) },
            "N" => new AttributeValue { N = Text(body, type) },
            "B" => new AttributeValue { B = Binary(body) },
            "BOOL" => new AttributeValue { BOOL = Boolean(body, type) },
            "NULL" => new AttributeValue { NULL = Boolean(body, type) },
            "M" => new AttributeValue { M = ReadMap(body) },
            "L" => new AttributeValue { L = Array(body, type).Select(ReadValue).ToList() },
            "SS" => new AttributeValue { SS = Array(body, type).Select(e => Text(e, type)).ToList() },
            "NS" => new AttributeValue { NS = Array(body, type).Select(e => Text(e, type)).ToList() },
            "BS" => new AttributeValue { BS = Array(body, type).Select(Binary).ToList() },
            _ => throw new FormatException($"Unknown attribute type '{type}'."),
        };
    }

    private static string Text(JsonElement e, string type) => e.ValueKind == JsonValueKind.String
        ? e.GetString()!
        : throw new FormatException($"Attribute type {type} needs a string, found {e.ValueKind}.");

    private static bool Boolean(JsonElement e, string type) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new FormatException($"Attribute type {type} needs a boolean, found {e.ValueKind}."),
    };

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string type) => e.ValueKind == JsonValueKind.Array
        ? e.EnumerateArray()
        : throw new FormatException($"Attribute type {type} needs an array, found {e.ValueKind}.");

    private static MemoryStream Binary(JsonElement e) => e.ValueKind == JsonValueKind.String && e.TryGetBytesFromBase64(out var bytes)
        ? new MemoryStream(bytes, writable: false)
        : throw new FormatException("Attribute type B needs a base64 string.");
}
