using Lifestyle.Infrastructure.Erasure;

namespace Lifestyle.Infrastructure.Dynamo;

/// <summary>
/// The condition expressions the table's writes share, built in one place. The version gates compare a
/// read-model or marker item's <c>version</c> attribute with the value bound to <c>:v</c>; see
/// docs/adr/0006-read-models-and-projector.md for why every read-model write is version-gated.
/// </summary>
public static class Conditions
{
    /// <summary>The item does not exist yet (every item has a sort key).</summary>
    public const string Absent = "attribute_not_exists(SK)";

    /// <summary>The item exists.</summary>
    public const string Present = "attribute_exists(SK)";

    /// <summary>The user's erasure has not begun on this item (no <see cref="ErasureItems.Marker"/> attribute).</summary>
    public const string NotErasing = $"attribute_not_exists({ErasureItems.Marker})";

    /// <summary>A new item, or one written at a version older than <c>:v</c>.</summary>
    public const string OlderThanV = "attribute_not_exists(version) OR version < :v";

    /// <summary>A new item, or one written at a version not newer than <c>:v</c> (a rebuild may rewrite its own version).</summary>
    public const string NotNewerThanV = "attribute_not_exists(version) OR version <= :v";

    /// <summary>An existing item written at a version older than <c>:v</c>.</summary>
    public const string ExistingOlderThanV = "attribute_exists(version) AND version < :v";

    /// <summary>Both conditions.</summary>
    public static string And(string left, string right) => $"({left}) AND ({right})";
}
