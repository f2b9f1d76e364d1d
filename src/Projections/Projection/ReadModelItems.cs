using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// The table read models of one goal, all evaluated as of the local date of its last event, so a
/// rebuild yields identical items whenever it runs. Reads evaluate "today" themselves.
/// </summary>
public static class ReadModelItems
{
    public const string State = ReadModelKeys.StateAttribute;
    public const string Version = "version";
    public static readonly TimeSpan SnapshotRetention = TimeSpan.FromDays(90);

    public static DateOnly AsOf(GoalProjection p) => GoalClock.LocalDate(p.LastRecordedAt, p.Timezone);

    public static Dictionary<string, AttributeValue> Progress(GoalProjection p, ReadModelKeys keys)
    {
        var asOf = AsOf(p);
        var progress = ProgressCalculator.ProgressOn(p, asOf);
        var item = Base(p, keys.Progress(p.GoalId), "progress");
        item[State] = new(JsonSerializer.Serialize(p, StoreJson.Options));
        item["status"] = new(p.Status.ToString().ToLowerInvariant());
        item["asOf"] = new($"{asOf:yyyy-MM-dd}");
        item["progress"] = Map(progress);
        return item;
    }

    public static Dictionary<string, AttributeValue> Streak(GoalProjection p, ReadModelKeys keys)
    {
        var item = Base(p, keys.Streak(p.GoalId), "streak");
        var asOf = AsOf(p);
        item["asOf"] = new($"{asOf:yyyy-MM-dd}");
        item["streak"] = StreakCalculator.Evaluate(p, asOf) is { } s ? Map(s) : new AttributeValue { NULL = true };
        return item;
    }

    public static Dictionary<string, AttributeValue> DailySnapshot(GoalProjection p, DateOnly date, ReadModelKeys keys)
    {
        var item = Base(p, keys.DailySnapshot(p.GoalId, date), "daily-snapshot");
        foreach (var (name, value) in AttributeJson.ToMap(JsonSerializer.SerializeToNode(SeriesCalculator.Day(p, date), StoreJson.Options)!.AsObject()))
        {
            item[name] = value;
        }

        var expires = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + SnapshotRetention;
        item[Keys.Ttl] = new() { N = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        return item;
    }

    public static Dictionary<string, AttributeValue> Rollup(GoalProjection p, DateOnly anyDay, ReadModelKeys keys)
    {
        var week = SeriesCalculator.Week(p, anyDay, AsOf(p));
        var item = Base(p, keys.Rollup(p.GoalId, week.Week), "weekly-rollup");
        foreach (var (name, value) in AttributeJson.ToMap(JsonSerializer.SerializeToNode(week, StoreJson.Options)!.AsObject()))
        {
            item[name] = value;
        }

        return item;
    }

    /// <summary>Snapshots and rollups of the given periods, and the streak item (unless left out): all but the progress item.</summary>
    public static List<Dictionary<string, AttributeValue>> Dependents(
        GoalProjection p, IEnumerable<DateOnly> days, IEnumerable<DateOnly> weeks, ReadModelKeys keys, bool streak = true) =>
        days.Select(d => DailySnapshot(p, d, keys))
            .Concat(weeks.Select(w => Rollup(p, w, keys)))
            .Concat(streak ? [Streak(p, keys)] : [])
            .ToList();

    /// <summary>
    /// True when the streak item of <paramref name="after"/> would say what the one of <paramref name="before"/>
    /// says (same as-of date, same figures): only its version would change, which no reader uses and
    /// verify ignores for every item but progress, so a pass need not rewrite it.
    /// </summary>
    public static bool StreakUnchanged(GoalProjection before, GoalProjection after) =>
        AsOf(before) == AsOf(after) && Equals(StreakCalculator.Evaluate(before, AsOf(before)), StreakCalculator.Evaluate(after, AsOf(after)));

    /// <summary>Every read-model item a fresh fold of the goal's events yields (what replay writes and verify expects).</summary>
    public static List<Dictionary<string, AttributeValue>> All(GoalProjection p, ReadModelKeys keys)
    {
        var touched = TouchedPeriods.Of(null, p, []);
        var items = Dependents(p, touched.PutDays, touched.Weeks, keys);
        items.Add(Progress(p, keys));
        return items;
    }

    public static GoalProjection ReadState(IReadOnlyDictionary<string, AttributeValue> item) =>
        JsonSerializer.Deserialize<GoalProjection>(item[State].S, StoreJson.Options)
        ?? throw new InvalidOperationException("Progress item without state.");

    private static Dictionary<string, AttributeValue> Base(GoalProjection p, string sk, string entity) => new()
    {
        [Keys.PK] = new(Keys.User(p.UserId)),
        [Keys.SK] = new(sk),
        ["entity"] = new(entity),
        ["goalId"] = new(p.GoalId),
        [Version] = new() { N = p.Version.ToString(CultureInfo.InvariantCulture) },
    };

    private static AttributeValue Map<T>(T value) =>
        new() { M = AttributeJson.ToMap(JsonSerializer.SerializeToNode(value, StoreJson.Options)!.AsObject()) };
}
