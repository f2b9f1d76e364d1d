using System.Text.Json;

namespace Lifestyle.Infra.Tests.Hcl;

/// <summary>
/// Reading hcl2json output: a block is an array of objects (one per occurrence), an attribute is
/// its JSON value, and an expression is a string "${...}".
/// </summary>
internal static class Json
{
    public static IEnumerable<JsonElement> Blocks(this JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) ? []
        : v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToArray()
        : [v];

    public static JsonElement Block(this JsonElement e, string name) =>
        e.Blocks(name).FirstOrDefault() is { ValueKind: JsonValueKind.Object } b
            ? b
            : throw new KeyNotFoundException($"No block {name} in {e}");

    public static string? Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static IReadOnlyList<string> Strings(this JsonElement e) =>
        e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
            : [e.GetString() ?? ""];

    public static IEnumerable<(string Name, JsonElement Value)> Properties(this JsonElement e) =>
        e.ValueKind == JsonValueKind.Object ? e.EnumerateObject().Select(p => (p.Name, p.Value)) : [];
}
