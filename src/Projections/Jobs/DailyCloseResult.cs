using System.Globalization;

namespace Lifestyle.Projections.Jobs;

/// <summary>What one daily close did: goals walked, notifications recorded per type, and those recorded before.</summary>
public sealed record DailyCloseResult(
    DateOnly Date, int Goals, int Broken, int AtRisk, int Summaries, int AlreadyRecorded, int LeftPending, int SweptEarlier, TimeSpan Elapsed)
{
    /// <summary>Users whose insights item the close wrote.</summary>
    public int Insights { get; init; }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"daily-close {Date:yyyy-MM-dd}: {Goals} active goals; recorded {Broken} streak.broken, {AtRisk} streak.at-risk, " +
        $"{Summaries} summary.weekly ({LeftPending} left pending for retry); {AlreadyRecorded} already recorded; " +
        $"{SweptEarlier} earlier pending sent; insights of {Insights} users; {Elapsed.TotalSeconds:F1} s");
}
