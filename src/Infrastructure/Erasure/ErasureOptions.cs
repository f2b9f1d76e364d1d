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
}
