using System.Text.Json;
using Lifestyle.Domain.Insights;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Insights;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection.Sources;
using Lifestyle.Projections.Replay;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// <c>verify</c> and <c>replay</c> of the insights read models. An item is a snapshot of its close: goals created and
/// templates adopted since are not in it, so verify checks what must still hold — each goal it lists still exists and
/// its insight is what the goal's current read model gives as of the same day (a log backfilled into a closed day
/// shows until the next close or a replay), the success pattern follows from them, the Redis copy equals the table's,
/// and the statistics item reads at its schema. Nothing is expected, and nothing rebuilt, before the first close.
/// </summary>
public sealed class InsightsVerifier(StoredProjections stored, InsightsStore store)
{
    /// <summary>The date the last close wrote the statistics for; null when no close has run.</summary>
    public async Task<DateOnly?> LastClosedAsync(ReadModelKeys keys, CancellationToken ct) =>
        await store.StatsItemAsync(keys, ct) is { } item ? InsightItems.ReadStats(item).ClosedDate : null;

    public async Task<List<Difference>> VerifyUserAsync(string userId, ReadModelKeys keys, CancellationToken ct)
    {
        if (await store.UserItemAsync(userId, keys, ct) is not { } item)
        {
            return [];
        }

        var shape = InsightItems.ReadUser(item);
        var differences = new List<Difference>();
        var fresh = new List<GoalInsight>();
        foreach (var goal in shape.Goals)
        {
            if (await stored.LoadAsync(userId, goal.GoalId, keys, ct) is not { } p)
            {
                differences.Add(new(userId, goal.GoalId, keys.Insights, "goal", "listed", "(none: the goal is gone)"));
                continue;
            }

            var insight = InsightCalculator.For(p, goal.AsOf);
            fresh.Add(insight);
            var (was, now) = (Json(goal), Json(GoalInsightShape.From(insight)));
            if (was != now)
            {
                differences.Add(new(userId, goal.GoalId, keys.Insights, "goals", was, now));
            }
        }

        if (differences.Count == 0 && SuccessPattern.Of(fresh) != shape.SuccessPattern)
        {
            differences.Add(new(userId, "-", keys.Insights, "successPattern", $"{shape.SuccessPattern}", $"{SuccessPattern.Of(fresh)}"));
        }

        var cached = await store.CachedAsync(CacheKeys.Insights(keys, userId));
        if (cached is not null && cached != InsightItems.CacheValue(shape, UserInsightsShape.SchemaVersion))
        {
            differences.Add(new(userId, "-", CacheKeys.Insights(keys, userId), "redis", "differs", "the table's item"));
        }

        return differences;
    }

    /// <summary>
    /// The statistics count users as of their close (users who came since are not in them), so only their own
    /// consistency is checked: they read at their schema (a newer one throws), <c>users</c> is the sum of the sets, and
    /// the Redis copy, if any, is the table's.
    /// </summary>
    public async Task<List<Difference>> VerifyStatsAsync(ReadModelKeys keys, CancellationToken ct)
    {
        if (await store.StatsItemAsync(keys, ct) is not { } item)
        {
            return [];
        }

        var stats = InsightItems.ReadStats(item);
        var sum = stats.AdoptionSets.Sum(a => a.Users);
        var differences = new List<Difference>();
        if (stats.Users != sum)
        {
            differences.Add(new("(statistics)", "-", InsightItems.StatsPartition, "users", $"{stats.Users}", $"{sum} (the sets' sum)"));
        }

        var cached = await store.CachedAsync(CacheKeys.TemplateStats(keys));
        var expected = InsightItems.CacheValue(stats, TemplateStatsShape.SchemaVersion);
        if (cached is not null && cached != expected)
        {
            differences.Add(new("(statistics)", "-", CacheKeys.TemplateStats(keys), "redis", "differs", "the table's item"));
        }

        return differences;
    }

    private static string Json(GoalInsightShape shape) => JsonSerializer.Serialize(shape, StoreJson.Options);
}
