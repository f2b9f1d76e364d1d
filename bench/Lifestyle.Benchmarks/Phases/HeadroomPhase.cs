using System.Diagnostics;
using System.Globalization;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Stack;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// Projector headroom (docs/product-rules.md §9): the projector is stopped, the API logs a fixed number of activities at its
/// best ramp concurrency (the stream is pre-loaded), then the projector is started and its sustained rate is
/// measured from its first read model to the last, with the API idle, next to the API's best log rate in the
/// same run. Progress is the sum of the goals' Redis read-model versions.
/// </summary>
public static class HeadroomPhase
{
    public const double TargetRatio = 1.0;
    public const string Label = "4 projector";

    public static async Task RunAsync(BenchContext ctx)
    {
        if (!ctx.Stack.OwnsProjector || ctx.BestLogs is not { } best || ctx.Goals.Count == 0)
        {
            ctx.Table.Note("projector headroom not measured: it needs the commands phase and a stack of its own (not --attach)");
            return;
        }

        var events = ctx.Options.Quick ? 2_000 : 15_000;
        BenchContext.Phase($"projector headroom: {events:N0} activity logs with the projector stopped, then its drain");
        await QueryPhase.WaitForReadModelsAsync(ctx, TimeSpan.FromSeconds(60));
        var versions = new ReadModelVersionsProbe(ctx);
        var before = await versions.SumAsync();
        await ctx.Stack.StopProjectorAsync();
        await ctx.SettleAsync();

        var mark = StoreRequestRows.Mark(ctx);
        var shares = new GoalShares(ctx.Goals.Count, best.Workers);
        long sent = 0;
        LoadResult preload;
        await using (new ProgressTicker("pre-loading the stream", () => $"{Interlocked.Read(ref sent):N0} / {events:N0} logs"))
        {
            preload = await LoadRunner.RunAsync($"POST activities, projector stopped, c={best.Workers}", best.Workers,
                TimeSpan.Zero, TimeSpan.FromMinutes(10), events, async w =>
                {
                    var (error, _) = await ctx.Api.LogAsync(ctx.Goals[shares.Next(w)], ctx.Data.NewActivityBody());
                    Interlocked.Increment(ref sent);
                    return error;
                });
        }

        var accepted = preload.Ops - preload.Errors;
        ctx.Table.Add(Label, $"pre-load: POST activities with the projector stopped, c={best.Workers}",
            $"{Fmt.Rate(preload.Throughput)} ops/s · {Fmt.N(accepted)} logs · p50/p95/p99 {preload.Latency}" + (preload.Errors > 0 ? $" · {Fmt.N(preload.Errors)} errors" : ""));
        StoreRequestRows.Command(ctx, "pre-load, projector stopped", mark, accepted);
        await ctx.SettleAsync();

        var drainMark = StoreRequestRows.Mark(ctx);
        var cpu = ctx.CpuMark();
        var started = Stopwatch.GetTimestamp();
        await ctx.Stack.StartProjectorAsync();
        var drain = await DrainAsync(versions, before, accepted, TimeSpan.FromSeconds(ctx.Options.Quick ? 60 : 240));
        var cpuText = ProcessWatch.Describe(cpu, ctx.CpuMark());
        var sustained = drain.Projected / Math.Max(Stopwatch.GetElapsedTime(drain.First, drain.Last).TotalSeconds, 1e-9);
        var startDelay = Stopwatch.GetElapsedTime(started, drain.First).TotalSeconds;
        var ratio = sustained / best.Throughput;
        ctx.Table.Add(Label, "projector sustained rate on a pre-loaded stream, API idle (first read model → last)",
            string.Create(CultureInfo.InvariantCulture,
                $"{Fmt.Rate(sustained)} events/s · {Fmt.N(drain.Projected)} of {Fmt.N(accepted)} events in {Stopwatch.GetElapsedTime(drain.First, drain.Last).TotalSeconds:0.0} s · first read model {startDelay:0.0} s after the start")
                + (drain.Complete ? "" : " · DID NOT DRAIN"),
            $"{Fmt.Rate(best.Throughput)} ops/s POST activities (best, c={best.Workers})", Fmt.Ratio(ratio),
            $"≥ {TargetRatio:0.0}× the API's best log rate", drain.Complete && ratio >= TargetRatio);
        ctx.Table.Add(Label, "CPU share during the projector's drain", cpuText);
        await ctx.SettleAsync(); // the rest of the backlog's stream records (already applied) are read too; then the counters are final
        var totals = ProjectorTotals.Parse(ctx.Stack.ProjectorLogTail(400));
        if (totals is { } tt)
        {
            ctx.Table.Add(Label, "projector passes during the drain (its own log: totals of the restarted process)",
                string.Create(CultureInfo.InvariantCulture,
                    $"{tt.Events:N0} events in {tt.Passes:N0} passes ({tt.EventsPerPass:0.00} events/pass) · {tt.Kept:N0} from kept state · {tt.Carried:N0} from carried events"));
        }

        StoreRequestRows.Projection(ctx, "pre-loaded drain, API idle", drainMark, drain.Projected, totals?.EventsPerPass);
    }

    private sealed record Drain(long Projected, long First, long Last, bool Complete);

    private static async Task<Drain> DrainAsync(ReadModelVersionsProbe versions, long before, long expected, TimeSpan timeout)
    {
        long first = 0, last = 0, projected = 0;
        var clock = Stopwatch.StartNew();
        await using var ticker = new ProgressTicker("projector drain", () => $"{Interlocked.Read(ref projected):N0} / {expected:N0} events projected", TimeSpan.FromSeconds(3));
        while (clock.Elapsed < timeout)
        {
            var now = await versions.SumAsync() - before;
            var at = Stopwatch.GetTimestamp();
            if (now > 0 && first == 0)
            {
                first = at;
            }

            if (now > Interlocked.Read(ref projected))
            {
                last = at;
                Interlocked.Exchange(ref projected, now);
            }

            if (now >= expected)
            {
                return new Drain(now, first, last, true);
            }

            await Task.Delay(50);
        }

        return new Drain(projected, first, last, false);
    }

    /// <summary>The sum of every bench goal's Redis read-model version (one pipelined HGET per goal).</summary>
    private sealed class ReadModelVersionsProbe(BenchContext ctx)
    {
        private readonly string[] keys = [.. ctx.Goals.Select(g => CacheKeys.Goal(ReadModelKeys.Live, g.User.Id, g.Id))];

        public async Task<long> SumAsync()
        {
            var db = ctx.Stack.Redis.GetDatabase();
            var values = await Task.WhenAll(keys.Select(k => db.HashGetAsync(k, "version")));
            return values.Sum(v => long.TryParse((string?)v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
        }
    }
}
