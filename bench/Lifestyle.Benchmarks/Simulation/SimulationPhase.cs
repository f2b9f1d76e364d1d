using System.Diagnostics;
using Lifestyle.Benchmarks.Phases;
using Lifestyle.Benchmarks.Stack;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>
/// The simulation of docs/capacity.md §12 (<c>bench/simulate.sh</c>): a Bogus population with §2's distributions, a few
/// history days, then one simulated day through the real API, the real projector catching up and the real daily close
/// with insights (<see cref="SimulationClose"/>); store requests counted per process by the counting proxies, items
/// sized by <see cref="ItemSize"/> after the run; <see cref="SimFigures"/> puts each next to the plan's figure.
/// </summary>
public static class SimulationPhase
{
    public const int HistoryDays = 7;
    public const int Seed = 20260303;

    public static async Task RunAsync(BenchContext ctx)
    {
        if (!StoreRequestRows.Counting(ctx) || ctx.Stack.SnsUrl is null)
        {
            throw new InvalidOperationException("the simulation needs its own stack with the counting proxies and the SNS emulator (fauxqs)");
        }

        var clock = Stopwatch.StartNew();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2); // every zone's local 21:59 of it is already past
        var population = new SimPopulation(Seed);
        population.Generate(ctx.RunId, ctx.Stack.Auth, ctx.Options.SimUsers, day.AddDays(-HistoryDays));
        var run = new SimRun
        {
            Users = population.Users.Count, ActiveUsers = population.Users.Count(u => u.Active), Day = day, HistoryDays = HistoryDays,
        };
        BenchContext.Phase($"simulation: {run.Users:N0} users ({run.ActiveUsers:N0} active), {HistoryDays} history days, then {day:yyyy-MM-dd}");
        var driver = new SimDriver(ctx.Api);
        if (await driver.CreateGoalsAsync(population.Users) > 0)
        {
            throw new InvalidOperationException("goals could not be created");
        }

        for (var d = day.AddDays(-HistoryDays); d < day; d = d.AddDays(1))
        {
            await driver.RunAsync($"history {d:yyyy-MM-dd}", SimDay.History(population, d));
        }

        run.History = await SimHistory.RunAsync(ctx, population, driver, day);
        foreach (var user in population.Users.Concat(run.History))
        {
            ctx.Users.Add(user.User);
            ctx.Goals.AddRange(user.Goals);
        }

        await CatchUpAsync(ctx);
        Console.Error.WriteLine($"  setup done in {clock.Elapsed.TotalSeconds:0} s");

        // The projector's background loops (notification sweep, cache repair) query on a timer, not per pass.
        var idleFrom = ctx.Stack.ProjectorStore!.Snapshot();
        await Task.Delay(SimRun.IdleWindow);
        run.ProjectorIdle = ctx.Stack.ProjectorStore.Snapshot().Since(idleFrom);

        BenchContext.Phase($"simulation: the day {day:yyyy-MM-dd} through the API");
        var commands = SimDay.Simulated(population, day, ctx.RunId);
        var dayClock = Stopwatch.StartNew();
        var projectorFrom = ctx.Stack.ProjectorStore.Snapshot();
        var passesFrom = ProjectorTotals.Parse(ctx.Stack.ProjectorLogTail(400));
        var streamFrom = await StreamAsync(ctx);
        var census = await CensusAsync(ctx);
        (string Name, Func<SimCommand, bool> Pick)[] groups =
        [
            (SimFigures.Unkeyed, c => c.Kind == SimKind.Log && c.Key is null),
            (SimFigures.Keyed, c => c.Kind == SimKind.Log && c.Key is not null),
            (SimFigures.Reads, c => c.Kind == SimKind.LogThenRead),
            ("other commands", c => c.Kind is not (SimKind.Log or SimKind.LogThenRead)),
        ];
        foreach (var (name, pick) in groups)
        {
            var from = ctx.Stack.ApiStore!.Snapshot();
            var tally = await driver.RunAsync(name, [.. commands.Where(pick)]);
            var counts = ctx.Stack.ApiStore.Snapshot().Since(from);
            var after = await CensusAsync(ctx);
            run.Groups.Add(new SimGroup(name, tally, counts, Written(after) - Written(census)));
            census = after;
        }

        var caughtUp = Stopwatch.StartNew();
        await CatchUpAsync(ctx);
        run.CatchUp = caughtUp.Elapsed;
        run.Projector = ctx.Stack.ProjectorStore.Snapshot().Since(projectorFrom);
        run.DayTime = dayClock.Elapsed;
        var passesTo = ProjectorTotals.Parse(ctx.Stack.ProjectorLogTail(400));
        run.Passes = passesFrom is { } a && passesTo is { } b ? new ProjectorTotals(b.Passes - a.Passes, b.Kept - a.Kept, b.Carried - a.Carried, b.Events - a.Events) : null;
        run.DayStream = (await StreamAsync(ctx)).Since(streamFrom);

        await SimulationClose.RunAsync(ctx, run);
        run.Final = await CensusAsync(ctx);
        await SimulationClose.MeasureAfterAsync(ctx, run, population.Users.First(u => u.Active));
        SimFigures.Report(ctx, run, clock.Elapsed);
    }

    /// <summary>The API's item writes so far: events, idempotency records and head versions (each command adds one).</summary>
    private static long Written(TableCensus c) =>
        c.ByKind.Where(p => p.Key.StartsWith(ItemKinds.Event, StringComparison.Ordinal)).Sum(p => p.Value.Count) + c.Count(ItemKinds.Idempotency) + c.HeadVersions;

    private static Task<TableCensus> CensusAsync(BenchContext ctx) => TableCensus.TakeAsync(ctx.Stack.Dynamo, ctx.Stack.Table, $"sim-{ctx.RunId}-");

    private static Task<StreamCensus> StreamAsync(BenchContext ctx) =>
        StreamCensus.TakeAsync(ctx.Stack.DynamoOptions(), ctx.Stack.Dynamo, $"sim-{ctx.RunId}-");

    /// <summary>Waits until every goal's Redis view is at its last answered version, then for the stack to go quiet.</summary>
    private static async Task CatchUpAsync(BenchContext ctx)
    {
        await QueryPhase.WaitForReadModelsAsync(ctx, TimeSpan.FromSeconds(180));
        await ctx.SettleAsync();
    }
}
