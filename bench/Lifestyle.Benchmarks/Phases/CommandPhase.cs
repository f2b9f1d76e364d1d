using System.Diagnostics;
using System.Globalization;
using Lifestyle.Benchmarks.Api;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Stack;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// Phase 1 (append baselines) and 2 (commands): the seed's 100 concurrent users creating goals, then
/// activity logs at rising concurrency, each level measured right after the raw TransactWriteItems
/// baseline at the same concurrency, until throughput stops growing.
/// </summary>
public static class CommandPhase
{
    public const double TargetRatio = 0.7;
    public const double SeedP99Ms = 200;

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var t = ctx.Table;
        BenchContext.Phase($"commands: {o.Users} concurrent users create {o.GoalsPerUser} goal(s) each");
        await WarmUpAsync(ctx);
        var raw = new RawAppender(ctx.Stack.Dynamo, ctx.Stack.Table, ctx.RunId);
        var counts = new int[o.Users];
        await ctx.SettleAsync();
        var rawCreates = await ctx.LoadAsync($"raw create c={o.Users}", o.Users, w => raw.CreateAsync(w, counts[w]++));
        await ctx.SettleAsync();
        var createCpu = ctx.CpuMark();
        var creates = await GoalCreates.RunAsync(ctx, ctx.Users, TimeSpan.Zero, ctx.Goals);
        var createCpuText = ProcessWatch.Describe(createCpu, ctx.CpuMark());
        var createsOk = creates.Errors == 0 && ctx.Goals.Count == o.Users * o.GoalsPerUser;
        t.Add("1 baseline", $"raw create TransactWriteItems (head + event + PROFILE Update), c={o.Users}",
            $"{Fmt.Rate(rawCreates.Throughput)} ops/s · p50/p95/p99 {rawCreates.Latency}");
        t.Add("2 commands", $"POST /v1/goals, {o.Users} concurrent users × {o.GoalsPerUser}",
            $"{Fmt.Rate(creates.Throughput)} ops/s · p50/p95/p99 {creates.Latency} · {Fmt.N(creates.Errors)} errors",
            $"{Fmt.Rate(rawCreates.Throughput)} ops/s raw create", Fmt.Ratio(creates.Throughput / rawCreates.Throughput),
            $"all succeed; p99 < {SeedP99Ms:0} ms (seed)", createsOk && creates.P99 < SeedP99Ms);
        t.Add("2 commands", "CPU share during POST /v1/goals", createCpuText);
        await ctx.SettleAsync();
        var paced = await GoalCreates.RunAsync(ctx, [], GoalCreates.HumanPace, []);
        t.Add("2 commands", string.Create(CultureInfo.InvariantCulture,
                $"POST /v1/goals, {o.Users} users × {o.GoalsPerUser} at a human pace ({GoalCreates.HumanPace.TotalSeconds:0} s between a user's creates, starts spread over it: about {o.Users / GoalCreates.HumanPace.TotalSeconds:0} creates/s offered)"),
            $"{Fmt.Rate(paced.Throughput)} ops/s · p50/p95/p99 {paced.Latency} · {Fmt.N(paced.Errors)} errors",
            target: $"all succeed; p99 < {SeedP99Ms:0} ms (seed)", met: paced.Errors == 0 && paced.P99 < SeedP99Ms);

        BenchContext.Phase("activity logs: ramp, each level next to raw TransactWriteItems at the same concurrency");
        await raw.EnsureGoalsAsync(Math.Max(o.Levels.Max(), ctx.Goals.Count));
        LoadResult? best = null;
        CpuSnapshot? rawCpu = null, rawCpuEnd = null, logCpu = null;
        var lastLogCpu = "";
        var flat = 0;
        foreach (var level in o.Levels)
        {
            await ctx.SettleAsync();
            rawCpu = ctx.CpuMark();
            var twi = await ctx.LoadAsync($"raw TransactWriteItems c={level}", level, raw.Appends(level));
            rawCpuEnd = ctx.CpuMark();
            await ctx.SettleAsync();
            var readAppend = await ctx.LoadAsync($"raw GetItem+TransactWriteItems c={level}", level, raw.ReadsAndAppends(level));
            await ctx.SettleAsync();
            logCpu = ctx.CpuMark();
            var logs = await ctx.LoadAsync($"POST activities c={level}", level, LogOperation(ctx, level));
            var logCpuText = ProcessWatch.Describe(logCpu, ctx.CpuMark());
            t.Add("1 baseline", $"raw TransactWriteItems (head Put + event Put), c={level}",
                $"{Fmt.Rate(twi.Throughput)} ops/s · p50/p95/p99 {twi.Latency}");
            t.Add("1 baseline", $"raw GetItem + TransactWriteItems (the store calls of a log), c={level}",
                $"{Fmt.Rate(readAppend.Throughput)} ops/s · p50/p95/p99 {readAppend.Latency}",
                $"{Fmt.Rate(twi.Throughput)} ops/s TWI", Fmt.Ratio(readAppend.Throughput / twi.Throughput));
            if (ctx.BestRawAppends is null || twi.Throughput > ctx.BestRawAppends.Throughput)
            {
                ctx.BestRawAppends = twi;
            }

            var ratio = logs.Throughput / twi.Throughput;
            t.Add("2 commands", $"POST /v1/goals/{{id}}/activities, c={level}",
                $"{Fmt.Rate(logs.Throughput)} ops/s · p50/p95/p99 {logs.Latency}" + (logs.Errors > 0 ? $" · {Fmt.N(logs.Errors)} errors" : ""),
                $"{Fmt.Rate(twi.Throughput)} ops/s raw TWI", Fmt.Ratio(ratio), $"≥ {TargetRatio:0.0}× raw TWI", ratio >= TargetRatio && logs.Errors == 0);
            lastLogCpu = logCpuText;
            var previousBest = best;
            if (best is null || logs.Throughput > best.Throughput)
            {
                best = logs;
            }

            // Saturated once two levels in a row add less than 5% over the best so far (one noisy level does not end the ramp).
            flat = previousBest is not null && logs.Throughput < previousBest.Throughput * 1.05 ? flat + 1 : 0;
            if (flat == 2 && level != o.Levels[^1])
            {
                t.Note(string.Create(CultureInfo.InvariantCulture,
                    $"activity-log ramp stopped at c={level}: two levels in a row without 5% more throughput than c={best.Workers} ({Fmt.Rate(best.Throughput)} ops/s)"));
                break;
            }
        }

        t.Add("1 baseline", "CPU share during raw TransactWriteItems, last ramp level", ProcessWatch.Describe(rawCpu!, rawCpuEnd!));
        t.Add("2 commands", "CPU share during POST activities, last ramp level", lastLogCpu);
        ctx.BestLogs = best;
        var perMinute = best!.Throughput * 60;
        t.Add("2 commands", $"activity logs per minute (best level, c={best.Workers})",
            $"{perMinute.ToString("N0", CultureInfo.InvariantCulture)} / min · p99 {Fmt.Ms(best.P99)} ms",
            target: "≥ 1,000 / min (seed)", met: perMinute >= 1000);
    }

    /// <summary>Worker w logs against its own share of the goals (<see cref="GoalShares"/>), so workers never race on a goal.</summary>
    private static Operation LogOperation(BenchContext ctx, int workers)
    {
        var shares = new GoalShares(ctx.Goals.Count, workers);
        return async w =>
        {
            var (error, _) = await ctx.Api.LogAsync(ctx.Goals[shares.Next(w)], ctx.Data.NewActivityBody());
            return error;
        };
    }

    /// <summary>JIT and connection warm-up of the create and log paths with throw-away users.</summary>
    private static async Task WarmUpAsync(BenchContext ctx)
    {
        var users = Enumerable.Range(0, 8).Select(_ => ctx.Data.NewUser(ctx.RunId + "-warm", ctx.Stack.Auth)).ToList();
        var until = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(async u =>
        {
            var (json, pattern) = ctx.Data.NewGoalBody();
            var (_, goal) = await ctx.Api.CreateGoalAsync(u, json, pattern);
            while (goal is not null && until.Elapsed < ctx.Options.Warmup * 2)
            {
                await ctx.Api.LogAsync(goal, ctx.Data.NewActivityBody());
            }
        }));
    }
}
