using System.Globalization;
using System.Text.Json.Nodes;

namespace Lifestyle.Api.Tests.Fixtures;

/// <summary>The API's own <c>/openapi/v1.json</c>, read as JSON (no OpenAPI library: the test reads what a client generator reads).</summary>
public sealed class ServedDocument(JsonObject root)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public JsonObject Root { get; } = root;

    public static async Task<ServedDocument> LoadAsync(HttpClient anonymous)
    {
        var text = await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        return new ServedDocument(JsonNode.Parse(text)!.AsObject());
    }

    public IEnumerable<DocumentedOperation> Operations =>
        Root["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => new DocumentedOperation(this, op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())));

    /// <summary>The <c>code</c> enum of the ProblemDetails schema.</summary>
    public IReadOnlySet<string> ProblemCodes =>
        Resolve(Root["components"]!["schemas"]!["ProblemDetails"]!)["properties"]!["code"]!["enum"]!.AsArray()
            .Select(c => (string)c!).ToHashSet();

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/schemas/X</c>).</summary>
    public JsonObject Resolve(JsonNode schema)
    {
        var node = schema.AsObject();
        while (node["$ref"] is { } reference)
        {
            node = ((string)reference!).TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate((JsonNode)Root, (n, part) => n[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]!)
                .AsObject();
        }

        return node;
    }

    /// <summary>The smallest value the schema allows: its example, else its first enum value, else required properties only.</summary>
    public JsonNode Minimal(JsonNode schema)
    {
        var s = Resolve(schema);
        if (s["example"] is { } example)
        {
            return example.DeepClone();
        }

        if (s["enum"] is JsonArray { Count: > 0 } values)
        {
            return values[0]!.DeepClone();
        }

        if ((s["oneOf"] ?? s["anyOf"]) is JsonArray options)
        {
            return Minimal(options.First(o => (string?)Resolve(o!)["type"] != "null")!);
        }

        return TypeOf(s) switch
        {
            "object" => new JsonObject((s["required"]?.AsArray() ?? []).Select(r => (string)r!)
                .Select(name => KeyValuePair.Create(name, (JsonNode?)Minimal(s["properties"]![name]!)))),
            "array" => new JsonArray(),
            "integer" or "number" => JsonValue.Create(Math.Max(1m, (decimal?)s["minimum"] ?? 1m)),
            "boolean" => JsonValue.Create(true),
            _ => JsonValue.Create((string?)s["format"] switch
            {
                "date" => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "date-time" => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                _ => new string('x', Math.Max(1, (int?)s["minLength"] ?? 1)),
            }),
        };
    }

    private static string? TypeOf(JsonObject s) => s["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        { } type => (string?)type,
        null => null,
    };
}
