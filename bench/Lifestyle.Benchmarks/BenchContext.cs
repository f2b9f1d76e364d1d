using Lifestyle.Benchmarks.Api;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Report;
using Lifestyle.Benchmarks.Stack;

namespace Lifestyle.Benchmarks;

/// <summary>What the phases share: the stack, the table of results, and the users and goals made so far.</summary>
public sealed class BenchContext(BenchOptions options, BenchStack stack, ResultTable table, string runId)
{
    public BenchOptions Options { get; } = options;

    public BenchStack Stack { get; } = stack;

    public ResultTable Table { get; } = table;

    /// <summary>Short id of this run; every user it makes is named bench-{RunId}-…</summary>
    public string RunId { get; } = runId;

    public BenchData Data { get; } = new(20261122);

    public BenchApi Api { get; } = new(stack.Http, stack.Api);

    public List<BenchUser> Users { get; } = [];

    public List<BenchGoal> Goals { get; } = [];

    /// <summary>The best raw TransactWriteItems ramp level of this run (the store's append capacity), once measured.</summary>
    public LoadResult? BestRawAppends { get; set; }

    /// <summary>The API's best activity-log ramp level of this run, once measured.</summary>
    public LoadResult? BestLogs { get; set; }

    /// <summary>The simulation's table and its Markdown header, once it ran (<see cref="Simulation.SimulationPhase"/>).</summary>
    public (Simulation.SimReport Report, string Header)? Simulation { get; set; }

    public Task<LoadResult> LoadAsync(string name, int workers, Operation op) =>
        LoadRunner.RunAsync(name, workers, Options.Warmup, Options.Measure, Options.MaxOpsPerLoop, op);

    public CpuSnapshot CpuMark() => Stack.Watch.Cpu();

    /// <summary>
    /// Waits (up to 30 s) until the stack is quiet — the projector, DynamoDB Local and the API together
    /// use under 15% of one CPU over 300 ms — so a measurement does not pay for the projector's backlog
    /// from the one before.
    /// </summary>
    public async Task SettleAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string[] names = ["projector", "dynamodb", "api"];
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var from = CpuMark();
            await Task.Delay(300);
            var to = CpuMark();
            var busy = names.Sum(n => to.Processes.TryGetValue(n, out var b) && from.Processes.TryGetValue(n, out var a) ? b - a : 0);
            if (busy < 0.3 * 0.15)
            {
                return;
            }
        }

        Console.Error.WriteLine("  (the stack did not settle within 30 s)");
    }

    /// <summary>A row saying where the machine's CPU went since <paramref name="from"/> (the profile of a phase).</summary>
    public void CpuRow(string phase, string during, CpuSnapshot from) =>
        Table.Add(phase, $"CPU share during {during}", ProcessWatch.Describe(from, Stack.Watch.Cpu()));

    public static void Phase(string title) => Console.Error.WriteLine($"\n== {title} ==");
}
