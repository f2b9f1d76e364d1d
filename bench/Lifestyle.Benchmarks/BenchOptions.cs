using System.Globalization;

namespace Lifestyle.Benchmarks;

/// <summary>Command-line options; every phase is bounded in time and in operation count.</summary>
public sealed class BenchOptions
{
    public bool Quick { get; private set; }

    /// <summary>Use the stack ./run.sh started (LIFESTYLE_* ports and table) instead of starting one.</summary>
    public bool Attach { get; private set; }

    public string OutputFile { get; private set; } = "";

    /// <summary>Concurrency levels of the activity-log ramp (stops early once throughput stops growing).</summary>
    public IReadOnlyList<int> Levels { get; private set; } = [1, 4, 16, 32];

    /// <summary>Concurrency of the query phase and of its GetItem / Query / Redis baselines.</summary>
    public int QueryConcurrency { get; private set; } = 4;

    public int Users { get; private set; } = 100;

    public int GoalsPerUser { get; private set; } = 5;

    public int ReplayEvents { get; private set; } = 100_000;

    public int ReplaySegments { get; private set; } = 8;

    public double LagRate { get; private set; } = 300;

    public TimeSpan LagDuration { get; private set; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Measure { get; private set; } = TimeSpan.FromSeconds(4);

    /// <summary>Upper bound of operations per measured loop (the time bound usually ends it first).</summary>
    public int MaxOpsPerLoop { get; private set; } = 200_000;

    public HashSet<string> Phases { get; private set; } = new(AllPhases, StringComparer.OrdinalIgnoreCase);

    public static readonly string[] AllPhases = ["commands", "queries", "headroom", "lag", "replay", "daily-close", "erasure"];

    /// <summary>The capacity simulation (bench/simulate.sh): only when asked for, never with the benchmark's phases.</summary>
    public const string SimulationPhase = "simulation";

    public const int DefaultSimUsers = 300;

    /// <summary>Registered users of the simulated population (docs/capacity.md §2, scaled down).</summary>
    public int SimUsers { get; private set; } = DefaultSimUsers;

    public bool Simulation => Phases.Contains(SimulationPhase);

    public const string Usage = """
        usage: bench/run.sh [--quick] [--attach] [options]

          --quick               a short run (< 90 s): 1 s loops, levels 1,8, 10k replay events
          --attach              measure the stack ./run.sh started (LIFESTYLE_API_PORT, LIFESTYLE_DYNAMODB_PORT,
                                LIFESTYLE_REDIS_PORT, LIFESTYLE_TABLE) instead of starting one
          --out FILE            Markdown table (default bench/results/latest.md; quick runs: latest-quick.md)
          --levels 1,4,16,32    activity-log ramp (stops when throughput stops growing)
          --query-concurrency N workers of the query phase and its baselines (default 4)
          --users N             concurrent users creating goals (default 100)
          --goals-per-user N    goals each user creates (default 5)
          --replay-events N     size of the generated replay data set (default 100000)
          --replay-segments N   scan segments of the replay, as replay --all --segments (default 8)
          --lag-rate N          activity logs per second of the lag phase (default 300)
          --lag-seconds N       length of the lag phase (default 20)
          --seconds N           measured seconds per load loop (default 4)
          --phases a,b          subset of: commands,queries,headroom,lag,replay,daily-close,erasure (queries,
                                headroom and lag need the goals and rates the commands phase makes; each phase
                                measures its own raw baselines); or simulation alone (bench/simulate.sh)
          --sim-users N         registered users of the simulation (default 300)
        environment: BENCH_STORE_PROXY=off connects the API, projector and bench straight to DynamoDB Local
          (no request counts); BENCH_API_BIN / BENCH_PROJECTOR_BIN run other builds; BENCH_API_ENV /
          BENCH_PROJECTOR_ENV add NAME=value settings to those processes
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        if (args.Contains("--quick"))
        {
            o.Quick = true;
            o.Levels = [1, 8];
            o.Users = 100;
            o.GoalsPerUser = 1;
            o.ReplayEvents = 10_000;
            o.LagDuration = TimeSpan.FromSeconds(5);
            o.Warmup = TimeSpan.FromSeconds(0.5);
            o.Measure = TimeSpan.FromSeconds(1);
        }

        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--quick":
                    break;
                case "--attach":
                    o.Attach = true;
                    break;
                case "--out":
                    o.OutputFile = Next();
                    break;
                case "--levels":
                    o.Levels = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
                    break;
                case "--query-concurrency":
                    o.QueryConcurrency = NextInt();
                    break;
                case "--users":
                    o.Users = NextInt();
                    break;
                case "--goals-per-user":
                    o.GoalsPerUser = NextInt();
                    break;
                case "--replay-events":
                    o.ReplayEvents = NextInt();
                    break;
                case "--replay-segments":
                    o.ReplaySegments = NextInt();
                    break;
                case "--lag-rate":
                    o.LagRate = NextInt();
                    break;
                case "--lag-seconds":
                    o.LagDuration = TimeSpan.FromSeconds(NextInt());
                    break;
                case "--seconds":
                    o.Measure = TimeSpan.FromSeconds(NextInt());
                    break;
                case "--phases":
                    o.Phases = new HashSet<string>(Next().Split(','), StringComparer.OrdinalIgnoreCase);
                    if (o.Phases.Except([.. AllPhases, SimulationPhase], StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } unknown)
                    {
                        throw new ArgumentException($"unknown phase '{unknown}'");
                    }

                    break;
                case "--sim-users":
                    o.SimUsers = NextInt();
                    break;
                case "-h" or "--help":
                    throw new ArgumentException("");
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        if (o.Levels.Count == 0 || o.Levels.Any(l => l < 1) || o.QueryConcurrency < 1 || o.Users < 1 || o.GoalsPerUser < 1)
        {
            throw new ArgumentException("levels, concurrency, users and goals must be at least 1");
        }

        if (o.GoalsPerUser > Domain.Goals.GoalLimits.MaxOpenGoals)
        {
            throw new ArgumentException($"--goals-per-user is at most {Domain.Goals.GoalLimits.MaxOpenGoals} (the open-goal quota)");
        }

        if (o.Simulation && (o.Phases.Count > 1 || o.Attach || o.SimUsers < 10))
        {
            throw new ArgumentException("the simulation runs alone, on its own stack, with --sim-users of at least 10");
        }

        if (o.Phases.Overlaps(["queries", "headroom", "lag"]))
        {
            o.Phases.Add("commands");
        }

        return o;
    }
}
