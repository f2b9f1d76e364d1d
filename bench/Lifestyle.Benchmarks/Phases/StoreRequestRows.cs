using System.Globalization;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Stack;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>The counting proxies' snapshots at one moment: the API's, the projector's and the bench's own.</summary>
public sealed record StoreMark(StoreCounts Api, StoreCounts Projector, StoreCounts Bench);

/// <summary>
/// Rows "7 store requests": DynamoDB requests per event by operation (X-Amz-Target, counted by
/// <see cref="CountingProxy"/>), next to the theoretical minimum for the item layout, with the ratio actual / minimum.
/// </summary>
public static class StoreRequestRows
{
    public const string Phase = "7 store requests";

    /// <summary>
    /// A log's minimum: one TransactWriteItems (the goal head Put conditioned on its version + the event Put);
    /// the head is cached in the API, so no GetItem.
    /// </summary>
    public const double CommandMinimum = 1;

    /// <summary>Stream records per event: the event's Put and the goal head's Put each make one.</summary>
    public const double RecordsPerEvent = 2;

    public const int RecordsPerGetRecords = 100;

    public static StoreMark Mark(BenchContext ctx) => new(
        ctx.Stack.ApiStore?.Snapshot() ?? StoreCounts.None,
        ctx.Stack.ProjectorStore?.Snapshot() ?? StoreCounts.None,
        ctx.Stack.BenchStore?.Snapshot() ?? StoreCounts.None);

    public static bool Counting(BenchContext ctx) => ctx.Stack.ApiStore is not null;

    /// <summary>The API's requests since <paramref name="from"/>, per accepted activity log.</summary>
    public static void Command(BenchContext ctx, string during, StoreMark from, long logs)
    {
        if (ctx.Stack.ApiStore is not { } api)
        {
            return;
        }

        var counts = api.Snapshot().Since(from.Api);
        ctx.Table.Add(Phase, $"command path: API requests per POST activities ({during}, {Fmt.N(logs)} logs)",
            counts.PerUnit(logs),
            $"min {CommandMinimum:0.00}: 1 TransactWriteItems (head Put if version + event Put; head cached, no GetItem)",
            Fmt.Ratio(counts.Total / (double)Math.Max(logs, 1) / CommandMinimum));
    }

    /// <summary>
    /// The projector's requests since <paramref name="from"/>, per event projected. The minimum for the layout:
    /// per pass one conditional write of all its read-model items (one TransactWriteItems, each Put version-gated),
    /// no Query (the stream records carry the events) and no GetItem (the fold kept in memory); plus one GetRecords
    /// per 100 records, two records per event. <paramref name="eventsPerPass"/> (from the projector's log) sets the
    /// per-pass share; unknown, one event per pass is assumed (round-robin load over hundreds of goals).
    /// </summary>
    public static void Projection(BenchContext ctx, string during, StoreMark from, long events, double? eventsPerPass)
    {
        if (ctx.Stack.ProjectorStore is not { } projector)
        {
            return;
        }

        var counts = projector.Snapshot().Since(from.Projector);
        var perPass = eventsPerPass is > 0 and var e ? e : 1;
        var minimum = (1 / perPass) + (RecordsPerEvent / RecordsPerGetRecords);
        var passes = eventsPerPass is null ? "1 event/pass assumed" : string.Create(CultureInfo.InvariantCulture, $"{perPass:0.00} events/pass");
        ctx.Table.Add(Phase, $"projection: projector requests per event ({during}, {Fmt.N(events)} events)",
            counts.PerUnit(events) + string.Create(CultureInfo.InvariantCulture, $" · table only {counts.TablePerUnit(events):0.00}"),
            string.Create(CultureInfo.InvariantCulture,
                $"min {minimum:0.00}: 1 TransactWriteItems per pass written alone ({passes}; events carried, fold kept; passes written together share one) + 1 GetRecords per {RecordsPerGetRecords} records ({RecordsPerEvent:0}/event)"),
            Fmt.Ratio(counts.Total / (double)Math.Max(events, 1) / minimum));
    }

    /// <summary>A row for requests the bench process made itself (raw baselines, replay, daily close), per unit.</summary>
    public static void Bench(BenchContext ctx, string what, StoreMark from, double units, string minimum, double minimumPerUnit)
    {
        if (ctx.Stack.BenchStore is not { } bench)
        {
            return;
        }

        var counts = bench.Snapshot().Since(from.Bench);
        ctx.Table.Add(Phase, what, counts.PerUnit(units), minimum, Fmt.Ratio(counts.Total / Math.Max(units, 1e-9) / minimumPerUnit));
    }
}
