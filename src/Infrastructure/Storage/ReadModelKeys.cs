namespace Lifestyle.Infrastructure.Storage;

/// <summary>
/// Sort keys of the read models for one read-model version. The live version "v1" uses the keys of
/// docs/product-rules.md §2 as they are; a version rebuilt beside it (blue/green) prefixes them with <c>RMV#{version}#</c>.
/// </summary>
public sealed record ReadModelKeys(string Version)
{
    public const string DefaultVersion = "v1";

    /// <summary>The attribute of a <c>PROGRESS#</c> item holding the goal's fold (JSON).</summary>
    public const string StateAttribute = "state";

    public static readonly ReadModelKeys Live = new(DefaultVersion);

    private string Prefix => Version == DefaultVersion ? "" : $"RMV#{Version}#";

    public string Progress(string goalId) => $"{Prefix}PROGRESS#{goalId}";

    public string DailySnapshot(string goalId, DateOnly date) => $"{Prefix}PROGRESS#{goalId}#{date:yyyy-MM-dd}";

    public string DailySnapshotPrefix(string goalId) => $"{Prefix}PROGRESS#{goalId}#";

    public string Streak(string goalId) => $"{Prefix}STREAK#{goalId}";

    public string Rollup(string goalId, string week) => $"{Prefix}ROLLUP#{goalId}#{week}";

    public string RollupPrefix(string goalId) => $"{Prefix}ROLLUP#{goalId}#";

    /// <summary>A user's insights, written by the daily close (docs/insights.md).</summary>
    public string Insights => $"{Prefix}INSIGHTS";

    /// <summary>The sort key of the template statistics in their own partition.</summary>
    public string TemplateStats => $"{Prefix}CURRENT";

    /// <summary>Redis key prefix of this read-model version.</summary>
    public string Cache => $"lifestyle:{Version}";
}
