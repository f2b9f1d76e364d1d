using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;

namespace Lifestyle.Infrastructure.Storage;

/// <summary>A stored payload written at a newer schema version than this code knows: an older reader met a newer writer.</summary>
public sealed class UnknownSchemaVersionException(string what, int stored, int known)
    : Exception($"{what} is stored at schema {stored}; this build reads up to {known}.");

/// <summary>Reads a stored payload at its schema version and lifts it, one upcaster at a time, to the current shape.</summary>
public static class StoredShapes
{
    /// <summary>The item's <c>schemaVersion</c>; items written before the attribute existed are schema 1.</summary>
    public static int SchemaOf(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.TryGetValue(EventItems.SchemaVersion, out var v) ? int.Parse(v.N, CultureInfo.InvariantCulture) : 1;

    public static object Read(JsonObject data, Type current, int currentVersion, int storedVersion, IReadOnlyList<Upcaster> upcasters, string what)
    {
        if (storedVersion > currentVersion)
        {
            throw new UnknownSchemaVersionException(what, storedVersion, currentVersion);
        }

        object? shape = null;
        for (var version = storedVersion; version < currentVersion; version++)
        {
            var up = upcasters.SingleOrDefault(u => u.FromVersion == version)
                ?? throw new InvalidOperationException($"{what}: no upcaster from schema {version}.");
            shape = up.Up(shape ?? Deserialize(data, up.FromShape, what));
        }

        return shape ?? Deserialize(data, current, what);
    }

    private static object Deserialize(JsonObject data, Type shape, string what) =>
        data.Deserialize(shape, StoreJson.Options) ?? throw new InvalidOperationException($"{what} has no data.");
}
