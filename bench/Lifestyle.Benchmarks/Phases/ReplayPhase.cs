using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Stack;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Replay;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// Phase 5: replay throughput. A Bogus data set (users, goals, weeks of activity logs with some removals
/// and definition changes, decided by the domain and stored with the app's own item codecs) is written
/// with BatchWriteItem into a table of the same shape without a stream (so the live projector does not
/// race the replay), then rebuilt with <see cref="GoalRebuilder"/> through <see cref="ReplayRunner.RunAllAsync"/>
/// — what <c>replay --all</c> runs — next to a raw Query of the same events at the same parallelism.
/// </summary>
public static partial class ReplayPhase
{
    public const double TargetEventsPerSecond = 3000;
    public const double TargetRatio = 0.7;

    /// <summary>The empty read-model version the replay writes, as <c>replay --all --into v2</c>.</summary>
    public static readonly ReadModelKeys IntoKeys = new("v2");

    /// <summary>A second empty version, for the same replay through the version gates.</summary>
    public static readonly ReadModelKeys GatedKeys = new("v3");
    private const int Writers = 4;
    private const int SampleGoals = 200;

    public sealed record GeneratedGoal(string UserId, string GoalId, int Events, List<Dictionary<string, AttributeValue>> RawItems);

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var t = ctx.Table;
        var db = ctx.Stack.Dynamo;
        var table = $"{ctx.Stack.Table}-replay-{ctx.RunId}";
        BenchContext.Phase($"replay: {o.ReplayEvents:N0} generated events in table {table}, {o.ReplaySegments} segments");
        var create = TableSchema.CreateRequest(table);
        create.StreamSpecification = new StreamSpecification { StreamEnabled = false };
        await db.CreateTableAsync(create);
        try
        {
            await WaitActiveAsync(db, table);
            var clock = Stopwatch.StartNew();
            var sample = new List<List<Dictionary<string, AttributeValue>>>();
            var (goals, items) = await GenerateAsync(ctx, db, table, sample);
            clock.Stop();
            var events = goals.Sum(g => g.Events);
            var users = goals.Select(g => g.UserId).Distinct().Count();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  wrote {events:N0} events of {goals.Count:N0} goals ({users:N0} users) as {items:N0} items in {clock.Elapsed.TotalSeconds:0.0} s"));
            t.Add("5 replay", "generated data set (Bogus users, goals, activity logs; the app's item codecs)",
                string.Create(CultureInfo.InvariantCulture,
                    $"{events:N0} events · {goals.Count:N0} goals · {users:N0} users · {(double)events / goals.Count:0} events/goal · BatchWriteItem {items / clock.Elapsed.TotalSeconds:N0} items/s"));

            var cpu = CpuOnly(sample);
            t.Add("5 replay", $"replay CPU only: decode + fold + build read-model items, in memory, 1 thread ({sample.Count} goals)",
                $"{Fmt.Rate(cpu)} events/s per core");
            await ctx.SettleAsync();
            var rawQuery = (await ReplayBaselines.QueryAsync(db, table, goals, o.ReplaySegments, write: false)).EventsPerSecond;
            t.Add("1 baseline", $"raw DynamoDB Query of every goal's events ({o.ReplaySegments} workers, consistent, paged)",
                $"{Fmt.Rate(rawQuery)} events/s");

            using var services = ToolServices(ctx, table);
            if (!o.Quick)
            {
                // Where the replay's time goes: finding the goals, then reading and folding them without writing.
                var (scan, index) = (await WalkAsync(services, o.ReplaySegments, GoalWalk.Scan), await WalkAsync(services, o.ReplaySegments, GoalWalk.Index));
                t.Add("5 replay", $"replay goal walk only: parallel Scan of the table ({o.ReplaySegments} segments; gated runs) · GSI1 status shards (bulk runs)",
                    string.Create(CultureInfo.InvariantCulture, $"Scan {scan.TotalSeconds:0.0} s for {goals.Count:N0} goals in {items:N0} items · GSI1 {index.TotalSeconds:0.00} s"));
                var dry = await ReplayAsync(services, o.ReplaySegments, RebuildMode.DryRun, IntoKeys);
                t.Add("5 replay", $"replay read + fold only (dry run: no writes), {o.ReplaySegments} segments",
                    $"{Fmt.Rate(dry.EventsPerSecond)} events/s", $"{Fmt.Rate(rawQuery)} events/s raw Query", Fmt.Ratio(dry.EventsPerSecond / rawQuery));
            }

            await ctx.SettleAsync();
            var rawMark = StoreRequestRows.Mark(ctx);
            var raw = await ReplayBaselines.QueryAsync(db, table, goals, o.ReplaySegments, write: true);
            StoreRequestRows.Bench(ctx, $"raw replay baseline: requests per goal (Query + BatchWriteItem of {Fmt.N(raw.Items)} items)", rawMark, goals.Count,
                "min: 1 Query per goal (1 MB pages) + 1 BatchWriteItem per 25 items", 1 + (raw.Items / 25.0 / goals.Count));
            t.Add("1 baseline", $"raw replay: Query every goal's events + BatchWriteItem as many items as the replay writes ({o.ReplaySegments} workers)",
                string.Create(CultureInfo.InvariantCulture, $"{Fmt.Rate(raw.EventsPerSecond)} events/s · {raw.Items:N0} items · {raw.Elapsed.TotalSeconds:0.0} s"));
            await ctx.SettleAsync();
            var replayCpu = ctx.CpuMark();
            var replayMark = StoreRequestRows.Mark(ctx);
            // As replay --all --into v2 writes: the mode the tool picks for a version that is neither live nor built.
            var mode = GoalRebuilder.WritingMode(await ReadModelConfig.GetAsync(db, table, CancellationToken.None), IntoKeys.Version);
            var replay = await ReplayAsync(services, o.ReplaySegments, mode, IntoKeys);
            var cpuText = ProcessWatch.Describe(replayCpu, ctx.CpuMark());
            StoreRequestRows.Bench(ctx, "replay --all: requests per goal (bench process, walk of goal heads included)", replayMark, goals.Count,
                "min: as the raw replay baseline (+ its share of the goal walk)", 1 + (raw.Items / 25.0 / goals.Count));
            var complete = replay.Events == events;
            var ratio = replay.EventsPerSecond / raw.EventsPerSecond;
            t.Add("5 replay", $"replay --all --into {IntoKeys.Version} (empty version; GoalRebuilder via ReplayRunner, {o.ReplaySegments} segments, table + Redis)",
                string.Create(CultureInfo.InvariantCulture,
                    $"{Fmt.Rate(replay.EventsPerSecond)} events/s · {replay.Events:N0} events · {replay.Items:N0} items written · {replay.Elapsed.TotalSeconds:0.0} s"),
                $"{Fmt.Rate(raw.EventsPerSecond)} events/s raw Query + BatchWriteItem", Fmt.Ratio(ratio),
                $"≥ {TargetRatio:0.0}× raw; ≥ {TargetEventsPerSecond:N0} events/s (floor)", complete && ratio >= TargetRatio && replay.EventsPerSecond >= TargetEventsPerSecond);
            t.Add("5 replay", "replay --all against the raw Query alone (the issue's earlier yardstick)", $"{Fmt.Rate(replay.EventsPerSecond)} events/s",
                $"{Fmt.Rate(rawQuery)} events/s raw Query", Fmt.Ratio(replay.EventsPerSecond / rawQuery));
            t.Add("5 replay", "CPU share during replay --all (it runs inside the bench process)", cpuText);
            if (!o.Quick)
            {
                await ctx.SettleAsync();
                var gated = await ReplayAsync(services, o.ReplaySegments, RebuildMode.Gated, GatedKeys);
                t.Add("5 replay", $"replay --all through the version gates (as into a live or built version; here the empty {GatedKeys.Version})",
                    string.Create(CultureInfo.InvariantCulture, $"{Fmt.Rate(gated.EventsPerSecond)} events/s · {gated.Elapsed.TotalSeconds:0.0} s"),
                    $"{Fmt.Rate(replay.EventsPerSecond)} events/s {mode.ToString().ToLowerInvariant()} replay", Fmt.Ratio(gated.EventsPerSecond / replay.EventsPerSecond));
            }

            if (!complete)
            {
                t.Note($"the replay covered {replay.Events:N0} events, not the {events:N0} generated");
            }
        }
        finally
        {
            await db.DeleteTableAsync(table);
            await DeleteCacheKeysAsync(ctx);
        }
    }

    private sealed record ReplayFigures(long Events, long Items, TimeSpan Elapsed)
    {
        public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);
    }

    private static async Task<ReplayFigures> ReplayAsync(ServiceProvider services, int segments, RebuildMode mode, ReadModelKeys keys)
    {
        var rebuilder = services.GetRequiredService<GoalRebuilder>();
        var runner = services.GetRequiredService<ReplayRunner>();
        var throttle = new WriteThrottle(0);
        var progress = new ReplayProgress(TextWriter.Null, null);
        GoalAction action = async (g, ct) =>
        {
            var r = await rebuilder.RebuildAsync(g.UserId, g.GoalId, keys, throttle, mode, ct);
            return (r.Events, r.ItemsWritten + r.ItemsDeleted, 0);
        };
        var clock = Stopwatch.StartNew();
        await runner.RunAllAsync(segments, mode == RebuildMode.Bulk ? GoalWalk.Index : GoalWalk.Scan, null, action, progress, CancellationToken.None);
        clock.Stop();
        var figures = new ReplayFigures(progress.Events, progress.Items, clock.Elapsed);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  replay ({mode}, {keys.Version}): {figures.Events:N0} events of {progress.Goals:N0} goals, {figures.Items:N0} items, {figures.Elapsed.TotalSeconds:0.0} s, {figures.EventsPerSecond:N0} events/s"));
        return figures;
    }

    /// <summary>The replay's own CPU work per event, without any I/O: what GoalRebuilder does between its reads and writes.</summary>
    private static double CpuOnly(List<List<Dictionary<string, AttributeValue>>> sample)
    {
        long events = 0;
        var clock = new Stopwatch();
        for (var round = 0; round < 3; round++)
        {
            // Round 0 warms the JIT; rounds 1-2 are timed.
            if (round == 1)
            {
                events = 0;
                clock.Restart();
            }

            foreach (var goalItems in sample)
            {
                var envelopes = goalItems.Where(i => i[Keys.SK].S.StartsWith("ACTIVITY#", StringComparison.Ordinal)).Select(EventItems.FromItem).ToList();
                var p = Domain.Progress.GoalProjection.Fold(envelopes)!;
                _ = ReadModelItems.All(p, ReadModelKeys.Live);
                events += envelopes.Count;
            }
        }

        clock.Stop();
        var rate = events / clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU only: {events:N0} events in {clock.Elapsed.TotalSeconds:0.00} s, {rate:N0} events/s"));
        return rate;
    }

    /// <summary>How long finding the goals takes: ReplayRunner.RunAllAsync with an action that does nothing.</summary>
    private static async Task<TimeSpan> WalkAsync(ServiceProvider services, int segments, GoalWalk walk)
    {
        var progress = new ReplayProgress(TextWriter.Null, null);
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<ReplayRunner>().RunAllAsync(segments, walk, null, (_, _) => Task.FromResult((0, 0, 0)), progress, CancellationToken.None);
        clock.Stop();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  goal walk ({walk}): {progress.Goals:N0} goals, {clock.Elapsed.TotalSeconds:0.00} s"));
        return clock.Elapsed;
    }
}
