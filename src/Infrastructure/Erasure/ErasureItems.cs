using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Infrastructure.Erasure;

/// <summary>What the status read answers: pending (with the items removed so far) or done.</summary>
public sealed record ErasureStatus(string ErasureId, string Status, long Items, DateTimeOffset? FinishedAt);

/// <summary>
/// The erasure's items, outside the user's partition: the audit item <c>ERASURE#{id}</c> / <c>AUDIT</c> (id, times,
/// item count, the keyed hash of the user id — never the id) that stays, and while it runs the pending record
/// <c>SYSTEM#ERASURE</c> / <c>PENDING#{id}</c>, which names the user so a restarted process can finish the job.
/// </summary>
public static class ErasureItems
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string PendingPartition = "SYSTEM#ERASURE";
    public const string PendingPrefix = "PENDING#";
    public const string AuditSort = "AUDIT";

    /// <summary>The attribute that marks PROFILE and every goal head while the user is being erased.</summary>
    public const string Marker = "erasing";

    public static string NewId() => "era_" + Guid.CreateVersion7().ToString("N");

    public static bool IsWellFormed(string id) =>
        id.Length == 36 && id.StartsWith("era_", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);

    public static Dictionary<string, AttributeValue> AuditKey(string erasureId) =>
        new() { [Keys.PK] = new($"ERASURE#{erasureId}"), [Keys.SK] = new(AuditSort) };

    public static Dictionary<string, AttributeValue> PendingKey(string erasureId) =>
        new() { [Keys.PK] = new(PendingPartition), [Keys.SK] = new(PendingPrefix + erasureId) };

    public static long Count(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.TryGetValue("items", out var n) ? long.Parse(n.N, CultureInfo.InvariantCulture) : 0;

    public static ErasureStatus StatusOf(IReadOnlyDictionary<string, AttributeValue> audit, IReadOnlyDictionary<string, AttributeValue>? pending) =>
        new(audit["erasureId"].S, audit["status"].S, pending is null ? Count(audit) : Count(pending),
            audit.TryGetValue("finishedAt", out var f) ? Keys.ParseTimestamp(f.S) : null);
}
