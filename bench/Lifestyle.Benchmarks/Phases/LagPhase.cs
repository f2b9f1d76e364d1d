using System.Diagnostics;
using System.Globalization;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Stack;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Storage;
using StackExchange.Redis;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// Phase 4: projection lag at a steady rate of activity logs (open loop: commands are sent on a fixed
/// schedule whatever the answers take). For each accepted command, the time from its HTTP response to
/// the goal's Redis read model (hash <c>lifestyle:v1:goal:{userId}:{goalId}</c>) reaching the version
/// the command answered — seen through Redis keyspace notifications on those keys, then an HGET.
/// </summary>
public static class LagPhase
{
    public const double TargetP99Ms = 1000;
    public const int MaxInFlight = 256;

    /// <summary>The lag target's offered rate as a share of the same run's best raw TransactWriteItems ramp level (docs/product-rules.md §9).</summary>
    public const double CapacityShare = 0.5;

    /// <summary>A rate this machine's stack sustains, measured too (full runs, informational).</summary>
    public const double SustainableRate = 100;

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        if (ctx.BestRawAppends is { } capacity)
        {
            var rate = Math.Max(1, Math.Round(capacity.Throughput * CapacityShare));
            ctx.Table.Add("4 lag", $"offered rate of the lag target: {CapacityShare:P0} of the best raw TransactWriteItems ramp level (c={capacity.Workers})",
                $"{Fmt.Rate(rate)} logs/s", $"{Fmt.Rate(capacity.Throughput)} ops/s raw TWI", Fmt.Ratio(CapacityShare));
            BenchContext.Phase(string.Create(CultureInfo.InvariantCulture,
                $"projection lag at {CapacityShare:P0} of capacity: {rate:0} activity logs/s for {o.LagDuration.TotalSeconds:0} s"));
            await MeasureAsync(ctx, rate, o.LagDuration, target: true);
        }

        BenchContext.Phase(string.Create(CultureInfo.InvariantCulture, $"projection lag at a fixed {o.LagRate:0} activity logs/s for {o.LagDuration.TotalSeconds:0} s (informational)"));
        await MeasureAsync(ctx, o.LagRate, o.LagDuration, target: false);
        if (!o.Quick && o.LagRate > SustainableRate)
        {
            BenchContext.Phase(string.Create(CultureInfo.InvariantCulture, $"projection lag at {SustainableRate:0} logs/s (informational)"));
            await MeasureAsync(ctx, SustainableRate, TimeSpan.FromSeconds(10), target: false);
        }
    }

    private static async Task MeasureAsync(BenchContext ctx, double rate, TimeSpan duration, bool target)
    {
        var total = (int)Math.Round(rate * duration.TotalSeconds);
        await QueryPhase.WaitForReadModelsAsync(ctx, TimeSpan.FromSeconds(60));
        await ctx.SettleAsync();

        var redis = ctx.Stack.Redis;
        var db = redis.GetDatabase();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var previousFlags = server.ConfigGet("notify-keyspace-events").FirstOrDefault().Value ?? "";
        var flags = new string((previousFlags + "Kh").Distinct().ToArray());
        await server.ConfigSetAsync("notify-keyspace-events", flags);
        var tracker = new LagTracker(db);
        var prefix = "__keyspace@0__:";
        var subscriber = redis.GetSubscriber();
        var channel = new RedisChannel($"{prefix}{ReadModelKeys.Live.Cache}:goal:bench-{ctx.RunId}-*", RedisChannel.PatternMode.Pattern);
        await subscriber.SubscribeAsync(channel, (ch, _) => tracker.Changed(((string)ch!)[prefix.Length..], Stopwatch.GetTimestamp()));
        try
        {
            var cpu = ctx.CpuMark();
            var counts = StoreRequestRows.Mark(ctx);
            var started = Stopwatch.GetTimestamp();
            var (commands, sentIn) = await DriveAsync(ctx, rate, total, tracker);
            var cpuText = ProcessWatch.Describe(cpu, ctx.CpuMark());
            var drained = await tracker.DrainAsync(TimeSpan.FromSeconds(15));
            var accepted = commands.Ops - commands.Errors;
            if (ctx.Stack.OwnsProjector && !ctx.Stack.ProjectorRunning)
            {
                ctx.Table.Note(string.Create(CultureInfo.InvariantCulture,
                    $"the projector was not running after the lag phase at {rate:0}/s (it exited: see its log in {ctx.Stack.LogDir}); later read-model figures are void"));
            }

            if (target)
            {
                StoreRequestRows.Command(ctx, string.Create(CultureInfo.InvariantCulture, $"the lag target's open loop at {rate:0}/s"), counts, accepted);
                StoreRequestRows.Projection(ctx, string.Create(CultureInfo.InvariantCulture, $"live, behind the open loop at {rate:0}/s"), counts, accepted, null);
            }

            var lags = tracker.Lags();
            var achieved = (commands.Ops - commands.Errors) / sentIn.TotalSeconds;
            var steady = achieved >= rate * 0.95;
            var sorted = lags.ToArray();
            Array.Sort(sorted);
            var p50 = LoadResult.Percentile(sorted, 0.50);
            var p95 = LoadResult.Percentile(sorted, 0.95);
            var p99 = LoadResult.Percentile(sorted, 0.99);
            var unresolved = tracker.Pending;
            // Read models reached per second, from the first command to the last read model reached.
            var projected = sorted.Length / Math.Max(Stopwatch.GetElapsedTime(started, tracker.LastResolved).TotalSeconds, 1e-9);
            var lagValue = $"p50/p95/p99 {Fmt.Ms3(p50, p95, p99)} · max {Fmt.Ms(sorted.Length > 0 ? sorted[^1] : double.NaN)} ms · n={Fmt.N(sorted.Length)}"
                + $" · read models kept up at {Fmt.Rate(projected)} events/s"
                + (unresolved > 0 ? $" · {Fmt.N(unresolved)} not reached in 15 s" : "");
            if (!target)
            {
                var share = ctx.BestRawAppends is { } raw ? $"{Fmt.Ratio(rate / raw.Throughput)} of raw TWI capacity" : "–";
                ctx.Table.Add("4 lag", string.Create(CultureInfo.InvariantCulture,
                        $"projection lag at a fixed {rate:0} events/s for {duration.TotalSeconds:0} s (informational: {Fmt.Rate(achieved)}/s achieved, command p99 {Fmt.Ms(commands.P99)} ms)"),
                    lagValue, "stream poll 100 ms", share, $"p99 < {TargetP99Ms:0} ms at {rate:0} events/s", null);
                return;
            }

            ctx.Table.Add("4 lag", string.Create(CultureInfo.InvariantCulture, $"POST activities, open loop at {rate:0}/s for {duration.TotalSeconds:0} s"),
                $"{Fmt.Rate(achieved)}/s achieved · p50/p95/p99 {commands.Latency}" + (commands.Errors > 0 ? $" · {Fmt.N(commands.Errors)} errors" : ""),
                target: string.Create(CultureInfo.InvariantCulture, $"≥ 95% of {rate:0}/s; p99 < {CommandPhase.SeedP99Ms:0} ms (seed)"),
                met: steady && commands.P99 < CommandPhase.SeedP99Ms && commands.Errors == 0);
            ctx.Table.Add("4 lag", "projection lag: command response → Redis read model at that version",
                lagValue, "stream poll 100 ms", "–", $"p99 < {TargetP99Ms:0} ms at {rate:0} events/s ({CapacityShare:P0} of raw TWI capacity)",
                drained && steady && p99 < TargetP99Ms);
            ctx.Table.Add("4 lag", $"CPU share during the steady load at {rate:0}/s", cpuText);
            if (!steady)
            {
                ctx.Table.Note(string.Create(CultureInfo.InvariantCulture,
                    $"the lag phase asked for {rate:0} logs/s but the API accepted {achieved:0}/s (at most {MaxInFlight} in flight), so the lag target was not tested at its rate"));
            }
        }
        finally
        {
            await subscriber.UnsubscribeAsync(channel);
            await server.ConfigSetAsync("notify-keyspace-events", previousFlags);
        }
    }

    private static async Task<(LoadResult Commands, TimeSpan SentIn)> DriveAsync(BenchContext ctx, double rate, int total, LagTracker tracker)
    {
        var goals = ctx.Goals;
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var latencies = new List<double>(total);
        long errors = 0;
        string? firstError = null;
        var tasks = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }

            await inFlight.WaitAsync();
            var goal = goals[i % goals.Count];
            var body = ctx.Data.NewActivityBody();
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var (error, version) = await ctx.Api.LogAsync(goal, body);
                    var responded = Stopwatch.GetTimestamp();
                    if (error is null)
                    {
                        lock (latencies)
                        {
                            latencies.Add(Stopwatch.GetElapsedTime(t0, responded).TotalMilliseconds);
                        }

                        await tracker.AddAsync(CacheKeys.Goal(ReadModelKeys.Live, goal.User.Id, goal.Id), version, responded);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, error, null);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }

        var sentIn = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var result = LoadResult.From("POST activities (open loop)", MaxInFlight, latencies, errors, elapsed, firstError);
        Console.Error.WriteLine("  " + result + (firstError is null ? "" : $"  first error: {firstError}"));
        return (result, elapsed > sentIn ? elapsed : sentIn);
    }
}
