using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>Item values for assertions, and a lossless text of items to compare them byte for byte.</summary>
public static class ItemText
{
    public static long VersionOf(IReadOnlyDictionary<string, AttributeValue> item) =>
        long.Parse(item["version"].N, CultureInfo.InvariantCulture);

    public static decimal Number(this IReadOnlyDictionary<string, AttributeValue> map, string name) =>
        decimal.Parse(map[name].N, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A lossless, order-independent text of an item (every type tag and value), to compare items byte for byte.</summary>
    public static string Canonical(IReadOnlyDictionary<string, AttributeValue> item, params string[] without) =>
        "{" + string.Join(",", item.Where(kv => !without.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => JsonSerializer.Serialize(kv.Key) + ":" + Canonical(kv.Value))) + "}";

    public static string Canonical(AttributeValue v) => v switch
    {
        { S: { } s } => "S" + JsonSerializer.Serialize(s),
        { N: { } n } => "N" + n,
        { BOOL: { } b } => b ? "true" : "false",
        { NULL: true } => "null",
        { M: { } m } => "M" + Canonical(m),
        { L: { } l } => "L[" + string.Join(",", l.Select(Canonical)) + "]",
        { SS: { Count: > 0 } ss } => "SS" + JsonSerializer.Serialize(ss),
        { NS: { Count: > 0 } ns } => "NS" + JsonSerializer.Serialize(ns),
        _ => throw new InvalidOperationException("Unexpected attribute value type."),
    };

    public static SortedDictionary<string, string> Canonical(
        SortedDictionary<string, Dictionary<string, AttributeValue>> items, params string[] without) =>
        new(items.ToDictionary(kv => kv.Key, kv => Canonical(kv.Value, without)), StringComparer.Ordinal);
}
