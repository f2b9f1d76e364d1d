using System.Text.Json;
using System.Text.Json.Nodes;
using Lifestyle.Domain.Events;

namespace Lifestyle.Infrastructure.Storage;

/// <summary>A stored payload written at a newer schema version than this code knows: an older reader met a newer writer.</summary>
public sealed class UnknownSchemaVersionException(string what, int stored, int known)
    : Exception($"{what} is stored at schema {stored}; this build reads up to {known}.");

/// <summary>Reads a stored payload at its schema version and lifts it, one upcaster at a time, to the current shape.</summary>
public static class StoredShapes
{
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
