using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Insights;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Replay;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// <c>verify</c> and <c>replay</c> of the insights read models: a stored item is compared with what the daily close
/// of its own date would write from the goals' current read models (so a log backfilled into a closed day since
/// shows as a difference until the next close or a replay). Nothing is expected where no close has run yet.
/// </summary>
public sealed class InsightsVerifier(InsightsClose close, InsightsStore store, TimeProvider time)
{
    private const string Stats = "(statistics)";

    /// <summary>The date the last close wrote the statistics for, else yesterday (UTC): what a replay rebuilds.</summary>
    public async Task<DateOnly> LastClosedAsync(ReadModelKeys keys, CancellationToken ct) =>
        await store.StatsItemAsync(keys, ct) is { } item
            ? InsightItems.ReadStats(item).ClosedDate
            : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);

    public async Task<List<Difference>> VerifyUserAsync(string userId, ReadModelKeys keys, CancellationToken ct)
    {
        if (await store.UserItemAsync(userId, keys, ct) is not { } stored)
        {
            return [];
        }

        var shape = InsightItems.ReadUser(stored);
        var expected = await close.ForUserAsync(userId, shape.ClosedDate, keys, ct) is { } user
            ? InsightItems.User(userId, user.Acc.For(userId), keys)
            : null;
        var differences = Compare(userId, keys.Insights, stored, expected);
        var cached = await store.CachedAsync(CacheKeys.Insights(keys, userId));
        if (cached is not null && cached != InsightItems.CacheValue(shape, UserInsightsShape.SchemaVersion))
        {
            differences.Add(new(userId, "-", CacheKeys.Insights(keys, userId), "redis", "differs", "the table's item"));
        }

        return differences;
    }

    public async Task<List<Difference>> VerifyStatsAsync(ReadModelKeys keys, CancellationToken ct)
    {
        if (await store.StatsItemAsync(keys, ct) is not { } stored)
        {
            return [];
        }

        var acc = new InsightsAccumulator(InsightItems.ReadStats(stored).ClosedDate);
        await close.CountAdoptionsAsync(acc, ct);
        return Compare(Stats, InsightItems.StatsPartition, stored, InsightItems.Stats(acc.Stats(), keys));
    }

    private static List<Difference> Compare(
        string owner, string what, Dictionary<string, AttributeValue> stored, Dictionary<string, AttributeValue>? expected)
    {
        if (expected is null)
        {
            return [new(owner, "-", what, "item", "present", "(none: the user has no goal)")];
        }

        var differences = new List<Difference>();
        foreach (var field in stored.Keys.Union(expected.Keys).Order(StringComparer.Ordinal))
        {
            var s = stored.TryGetValue(field, out var sv) ? ReadModelVerifier.Canonical(sv) : "(missing)";
            var e = expected.TryGetValue(field, out var ev) ? ReadModelVerifier.Canonical(ev) : "(missing)";
            if (s != e)
            {
                differences.Add(new(owner, "-", what, field, s, e));
            }
        }

        return differences;
    }
}
