using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Lifestyle.Benchmarks;
using Lifestyle.Benchmarks.Phases;
using Lifestyle.Benchmarks.Report;
using Lifestyle.Benchmarks.Simulation;
using Lifestyle.Benchmarks.Stack;

// bench/run.sh [--quick] [--attach] …: the docs/product-rules.md §9 figures, each next to its raw store baseline from the same run.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
ThreadPool.SetMinThreads(64, 64);

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    if (e.Message.Length > 0)
    {
        Console.Error.WriteLine($"error: {e.Message}");
    }

    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var runId = Guid.NewGuid().ToString("N")[..8];
var started = DateTimeOffset.UtcNow;
var loadBefore = Machine.LoadAverage();
var clock = Stopwatch.StartNew();
Console.Error.WriteLine($"Lifestyle benchmark {runId} ({(options.Quick ? "quick" : "full")}, {(options.Attach ? "attached to ./run.sh's stack" : "own stack")})");
Console.Error.WriteLine($"machine: {Machine.Describe()}; load average {loadBefore}");

BenchStack stack;
try
{
    stack = options.Attach ? await BenchStack.AttachAsync() : await BenchStack.StartAsync();
}
catch (Exception e) when (e is InvalidOperationException or Amazon.Runtime.AmazonServiceException or HttpRequestException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

if (stack.Configuration != "Release")
{
    Console.Error.WriteLine("warning: this is a Debug build; figures are only meaningful from bench/run.sh (Release)");
}

// Ctrl-C / SIGTERM: stop the child processes before going.
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stack.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(15)));
Console.CancelKeyPress += (_, _) => stack.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(15));

var table = new ResultTable();
var ctx = new BenchContext(options, stack, table, runId);
var failed = false;
try
{
    Console.Error.WriteLine($"stack: API {stack.Api}, DynamoDB Local {stack.DynamoUrl} table '{stack.Table}', Redis {stack.RedisConfiguration}; logs in {stack.LogDir}");
    table.Note(stack.Attached
        ? "rate limit: whatever the attached ./run.sh stack sets (on by default: 50 requests/s per user, burst 100)"
        : $"rate limit: {(BenchStack.RateLimitEnabled ? "on (BENCH_RATE_LIMIT=on)" : "off (BENCH_RATE_LIMIT=on turns it on)")}");
    if (options.Phases.Contains("commands"))
    {
        await CommandPhase.RunAsync(ctx);
    }

    if (options.Phases.Contains("queries"))
    {
        await QueryPhase.RunAsync(ctx);
    }

    if (options.Phases.Contains("headroom"))
    {
        await HeadroomPhase.RunAsync(ctx);
    }

    if (options.Phases.Contains("lag"))
    {
        await LagPhase.RunAsync(ctx);
    }

    if (options.Phases.Contains("replay"))
    {
        await ReplayPhase.RunAsync(ctx);
    }

    if (options.Phases.Contains("daily-close"))
    {
        await DailyClosePhase.RunAsync(ctx);
    }

    if (options.Phases.Contains("erasure"))
    {
        await ErasurePhase.RunAsync(ctx);
    }

    if (options.Simulation)
    {
        await SimulationPhase.RunAsync(ctx);
    }

    MemoryRows(ctx);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    failed = true;
    Console.Error.WriteLine($"\nerror: the benchmark stopped: {e}");
    table.Note($"the run stopped early: {e.GetType().Name}: {e.Message}");
}
finally
{
    await stack.DisposeAsync();
}

var loadAfter = Machine.LoadAverage();
var text = table.ToText();
Console.WriteLine();
Console.WriteLine(ctx.Simulation is { } simulated ? simulated.Report.ToText() : text);
var output = options.OutputFile is { Length: > 0 } o
    ? Path.GetFullPath(o)
    : Path.Combine(stack.Root, "bench", "results", options.Simulation ? "simulation.md" : options.Quick ? "latest-quick.md" : "latest.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, ctx.Simulation is { } sim
    ? sim.Report.ToMarkdown(sim.Header) + Environment.NewLine + table.ToMarkdown()
    : Markdown(ctx, started, clock.Elapsed, loadBefore, loadAfter, string.Join(' ', args)));
Console.Error.WriteLine($"{table.Rows.Count(r => r.Met == true)} targets met, {table.Rows.Count(r => r.Met == false)} missed; " +
    $"{clock.Elapsed.TotalSeconds:0} s; table written to {Path.GetRelativePath(Environment.CurrentDirectory, output)}");
return failed ? 1 : 0;

static void MemoryRows(BenchContext ctx)
{
    var memory = ctx.Stack.Watch;
    BenchContext.Phase("memory");
    if (memory.PeakMiB("api") is { } api)
    {
        ctx.Table.Add("6 memory", "API peak RSS (VmHWM) over the run", $"{api:0} MiB", target: "< 300 MiB", met: api < 300);
    }
    else
    {
        ctx.Table.Note("the API process was not found, so its memory was not measured");
    }

    foreach (var (name, label) in new[] { ("projector", "projector (consume) peak RSS"), ("api-table", "table-only API peak RSS"), ("dynamodb", "DynamoDB Local (JVM) peak RSS") })
    {
        if (memory.PeakMiB(name) is { } mib)
        {
            ctx.Table.Add("6 memory", label, $"{mib:0} MiB");
        }
    }

    if (ctx.Stack.Attached)
    {
        ctx.Table.Note("attached to ./run.sh's stack: peak RSS includes whatever those processes did before this run");
    }
}

static string Markdown(BenchContext ctx, DateTimeOffset started, TimeSpan elapsed, string loadBefore, string loadAfter, string args)
{
    var o = ctx.Options;
    var levels = string.Join(", ", o.Levels);
    return $"""
        # Lifestyle benchmark — {(o.Quick ? "quick run" : "full run")}

        - date: {started:yyyy-MM-dd HH:mm} UTC, {elapsed.TotalSeconds:0} s; run id `{ctx.RunId}`
        - command: `bench/run.sh{(args.Length > 0 ? " " + args : "")}`
        - machine: {Machine.Describe()}
        - load average (1 min) before / after: {loadBefore} / {loadAfter} (the machine is shared: other builds and test runs add noise)
        - stack: {(ctx.Stack.Attached ? "attached to ./run.sh's" : "its own")} — DynamoDB Local (in memory), Redis, API and projector (`consume`) built {ctx.Stack.Configuration}, on loopback
        - load: {o.Users} Bogus users × {o.GoalsPerUser} goals; activity-log ramp at c = {levels}; queries at c = {o.QueryConcurrency};
          lag at {o.LagRate:0} logs/s for {o.LagDuration.TotalSeconds:0} s; replay of {o.ReplayEvents:N0}+ generated events, {o.ReplaySegments} segments;
          closed loops: {o.Warmup.TotalSeconds:0.#} s warm-up, then {o.Measure.TotalSeconds:0.#} s measured

        {ctx.Table.ToMarkdown()}
        See docs/performance.md for what bounds each figure.
        """;
}
