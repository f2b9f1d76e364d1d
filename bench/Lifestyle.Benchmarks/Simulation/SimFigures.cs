using Lifestyle.Benchmarks.Load;
using static Lifestyle.Benchmarks.Simulation.SimReport;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>The rows of docs/capacity.md §12 from one <see cref="SimRun"/>: the API's and the projector's (the close's and sizes follow).</summary>
public static partial class SimFigures
{
    public const string Unkeyed = "logs without a key";
    public const string Keyed = "logs with an Idempotency-Key";
    public const string Reads = "logs, each followed by a minVersion read";
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    public static void Report(BenchContext ctx, SimRun run, TimeSpan elapsed)
    {
        var report = new SimReport();
        BenchContext.Phase("simulation: figures (docs/capacity.md §12)");
        ApiRows(report, run);
        ProjectorRows(report, run);
        SizeRows(report, run);
        CloseRows(report, run);
        foreach (var k in run.Final!.All)
        {
            report.Census.Add([k.Kind, k.Count.ToString("N0", Inv), k.Mean.ToString("N0", Inv), k.Max.ToString("N0", Inv),
                ItemSize.WriteUnits((int)Math.Round(k.Mean)).ToString(Inv), k.Kind == LoggedEvent ? $"{run.DayStream![ItemKinds.Event]:N0} (all events)"
                    : k.Kind.StartsWith(ItemKinds.Event, StringComparison.Ordinal) ? "″" : run.DayStream![k.Kind].ToString("N0", Inv)]);
        }
        ctx.Simulation = (report, Header(ctx, run, elapsed));
    }

    private static void ApiRows(SimReport r, SimRun run)
    {
        var (plain, keyed, reads) = (run.Group(Unkeyed), run.Group(Keyed), run.Group(Reads));
        var logs = plain.Tally.Done(SimKind.Log) + keyed.Tally.Done(SimKind.Log);
        var twi = plain.Api["TransactWriteItems"] + keyed.Api["TransactWriteItems"];
        r.Add("TransactWriteItems per log", "1.00", F(twi / (double)logs), 1, twi / (double)logs,
            $"API proxy, {logs:N0} logs of the day ({plain.Tally.Done(SimKind.Log):N0} without a key, {keyed.Tally.Done(SimKind.Log):N0} with one)");
        double Items(SimGroup g) => g.Items / (double)Math.Max(g.Api["TransactWriteItems"], 1);
        r.Add("items in a log's transaction (without / with `Idempotency-Key`)", "2 / 3", $"{F(Items(plain))} / {F(Items(keyed))}", 3, Items(keyed),
            "(new events + new idempotency records + head versions added) / TransactWriteItems, table scanned before and after each group");
        double Get(SimGroup g) => g.Api["GetItem"] / (double)Math.Max(g.Tally.Done(SimKind.Log, SimKind.LogThenRead), 1);
        r.Add("GetItem per log (API)", "0", $"{F(Get(plain))} / {F(Get(keyed))} with a key", null, null,
            "API proxy; a keyed command first looks its key up (IdempotencyRecords.FindAsync, a consistent GetItem)");
        var (head, evt, idem) = (Mean(run, ItemKinds.Goal), Mean(run, LoggedEvent), Mean(run, ItemKinds.Idempotency));
        var (baseWcu, gsi1, gsi2) = ((2 * ItemSize.WriteUnits(head)) + (2 * ItemSize.WriteUnits(evt)), ItemSize.WriteUnits(head), ItemSize.WriteUnits(evt));
        var wcu = baseWcu + gsi1 + gsi2;
        r.Add("WCU per log (base + GSI1 + GSI2)", "4 + 1 + 1 = 6", $"{baseWcu} + {gsi1} + {gsi2} = {wcu} (+{2 * ItemSize.WriteUnits(idem)} with a key)", 6, wcu,
            $"transactional: 2 × ⌈size / 1 KB⌉ per item, from the measured mean head ({head:N0} B) and activity-logged event ({evt:N0} B); each index entry ⌈size / 1 KB⌉");
        var readGets = reads.Api["GetItem"] - (Get(plain) * reads.Tally.Done(SimKind.LogThenRead));
        r.Add("table GetItems per `minVersion` read", "~10", F(readGets / Math.Max(reads.Tally.Reads, 1), "0.0"), 10, readGets / Math.Max(reads.Tally.Reads, 1),
            $"API proxy over {reads.Tally.Reads:N0} reads sent right after their log (a keyless log's own GetItems taken off); local projection lag");
        r.Add("table RCU per active user a day (query API)", "74.4", "not simulated", null, null,
            "the day drives the plan's commands and its minVersion reads, not the dashboard / series / list reads of §5");
    }

    private static void ProjectorRows(SimReport r, SimRun run)
    {
        var passes = run.Passes is { Passes: > 0 } t ? (double)t.Passes : double.NaN;
        var p = run.Projector;
        r.Add("events per projection pass, live", "1.0", F(run.Passes?.EventsPerPass ?? double.NaN), 1, run.Passes?.EventsPerPass,
            $"projector log totals over the day: {run.Passes?.Events:N0} events in {run.Passes?.Passes:N0} passes ({run.Passes?.Kept:N0} from kept state)");
        r.Add("TransactWriteItems per pass", "1.00", F(run.ProjectorPerDay("TransactWriteItems") / passes), 1, run.ProjectorPerDay("TransactWriteItems") / passes,
            "projector proxy over the day, less its idle rate (as for every projector row) / passes");
        r.Add("GetItem per pass (kept fold missed in AWS)", "1.0 (0.00 locally)", F(run.ProjectorPerDay("GetItem") / passes), null, null,
            "one long-lived local projector keeps every fold (KeptProjections, 2,000); AWS environments do not");
        var idleQueries = run.ProjectorIdle["Query"] / SimRun.IdleWindow.TotalSeconds;
        r.Add("Query per pass", "0 (0.25 locally)", F(run.ProjectorPerDay("Query") / passes), null, null,
            $"{p["Query"]:N0} Queries over {run.DayTime.TotalSeconds:0} s less the idle {idleQueries:0.0}/s (notification sweep every 5 s, 16 shards; cache repair every 1 s)");
        var stream = run.DayStream!;
        var readModels = ItemKinds.ReadModels.Sum(k => stream[k]);
        var streakShare = stream[ItemKinds.Streak] / passes;
        r.Add("read-model items per pass (streak written on 75 % of passes)", "3.75", F(readModels / passes), 3.75, readModels / passes,
            $"stream records of progress, snapshot, rollup, streak over the day / passes; streak on {streakShare:P0} of passes");
        var (p180, snap, roll, streak) = (Progress(run, 1), Mean(run, ItemKinds.Snapshot), Mean(run, ItemKinds.Rollup), Mean(run, ItemKinds.Streak));
        var wcu = 2 * (ItemSize.WriteUnits(p180) + (stream[ItemKinds.Snapshot] / passes * ItemSize.WriteUnits(snap))
            + (stream[ItemKinds.Rollup] / passes * ItemSize.WriteUnits(roll)) + (streakShare * ItemSize.WriteUnits(streak)));
        r.Add("WCU per pass at `d = 180`", "21.5", F(wcu, "0.0"), 21.5, wcu,
            $"2 × (⌈P(180) = {p180:N0} B / 1 KB⌉ + the measured items per pass of snapshot, rollup and streak, each ⌈mean size / 1 KB⌉)");
        var commands = (double)run.DayCommands;
        r.Add("stream records per log / passing the filter", "5.75 / 2", $"{F(stream.Total / commands)} / {F(stream.Passing / commands)}", 5.75, stream.Total / commands,
            $"the table's stream over the day (before the close) / {commands:N0} commands; filter: SK begins with GOAL# or ACTIVITY#");
        r.Add("projection lag at peak, p50 / p99", "0.4 / ≤ 1 s", "not simulated", null, null,
            $"a local stream poll, not Lambda's; bench/run.sh --phases lag measures it; the day's read models were current {run.CatchUp.TotalSeconds:0.0} s after its last command");
    }

    private static string Header(BenchContext ctx, SimRun run, TimeSpan elapsed) => $"""
        # Lifestyle capacity simulation (docs/capacity.md §12)

        - date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {elapsed.TotalSeconds:0} s; run id `{ctx.RunId}`; command `bench/simulate.sh{(ctx.Options.SimUsers != BenchOptions.DefaultSimUsers ? $" --sim-users {ctx.Options.SimUsers}" : "")}`
        - machine: {Stack.Machine.Describe()}; own stack (DynamoDB Local in memory, Redis, SNS emulator; API and projector built {ctx.Stack.Configuration})
        - population (Bogus, seed {SimulationPhase.Seed}): {run.Users:N0} users × {SimPopulation.GoalsPerUser} goals, {run.ActiveUsers:N0} active ({SimPopulation.ActiveShare:P0}, the same users every day);
          {run.HistoryDays} history days, then {run.Day:yyyy-MM-dd}: {run.DayLogs:N0} logs ({SimPopulation.LogsPerGoalPerDay} per active goal), {run.DayCommands - run.DayLogs:N0} other commands;
          pattern mix {SimPopulation.PatternMix}; days met {SimPopulation.MetShare:P0}; keyed share of keyable commands {SimPopulation.KeyedShare:P0}; zones in the bands of A8;
          history goals of {string.Join(", ", SimHistory.Lengths)} active days (daily, UTC, one user each)
        """;
}
