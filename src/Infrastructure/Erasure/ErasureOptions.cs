namespace Lifestyle.Infrastructure.Erasure;

/// <summary>Configuration section <c>Erasure</c>.</summary>
public sealed class ErasureOptions
{
    public const string Section = "Erasure";

    /// <summary>The HMAC-SHA256 key of the user-id hash the audit item keeps (at least 32 characters).</summary>
    public string? HashKey { get; set; }

    /// <summary>How long <c>DELETE /v1/me</c> works before it answers <c>pending</c> and leaves the rest to the background worker.</summary>
    public int InlineBudgetMs { get; set; } = 3000;

    /// <summary>BatchWriteItem calls (25 deletes each) in flight at once.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>
    /// Deletes a second this process offers at most (0: as fast as <see cref="Parallelism"/> allows). In AWS 900, under a
    /// partition's 1,000 WCU/s: 54,000 items a minute per user (docs/product-rules.md §5 asks for ≥ 50,000).
    /// </summary>
    public int ItemsPerSecond { get; set; }
}
