using Lifestyle.Benchmarks.Stack;
using Lifestyle.Projections.Jobs;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>One group of the simulated day's commands and what the API asked of the table for it.</summary>
/// <param name="Items">Items the API wrote for the group: new events + new idempotency records + head versions added.</param>
public sealed record SimGroup(string Name, SimTally Tally, StoreCounts Api, long Items);

/// <summary>Everything one simulation measured, from which <see cref="SimFigures"/> makes the rows.</summary>
public sealed class SimRun
{
    public required int Users { get; init; }

    public required int ActiveUsers { get; init; }

    public required DateOnly Day { get; init; }

    public required int HistoryDays { get; init; }

    public List<SimGroup> Groups { get; } = [];

    public SimGroup Group(string name) => Groups.Single(g => g.Name == name);

    public int DayCommands => Groups.Sum(g => g.Tally.Done(Enum.GetValues<SimKind>()));

    public int DayLogs => Groups.Sum(g => g.Tally.Done(SimKind.Log, SimKind.LogThenRead));

    public static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);

    public StoreCounts Projector { get; set; } = StoreCounts.None;

    /// <summary>The projector's requests over <see cref="IdleWindow"/> with nothing to project, just before the day.</summary>
    public StoreCounts ProjectorIdle { get; set; } = StoreCounts.None;

    /// <summary>From the day's first command to its read models current (what <see cref="Projector"/> covers).</summary>
    public TimeSpan DayTime { get; set; }

    /// <summary>The projector's requests of one operation over the day, less its idle rate over the same time.</summary>
    public double ProjectorPerDay(string operation) =>
        Projector[operation] - (ProjectorIdle[operation] * DayTime.TotalSeconds / IdleWindow.TotalSeconds);

    /// <summary>The projector's passes and events over the day (its log's totals, end minus start).</summary>
    public ProjectorTotals? Passes { get; set; }

    public StreamCensus? DayStream { get; set; }

    public TimeSpan CatchUp { get; set; }

    public DailyCloseResult? Plain { get; set; }

    public StoreCounts PlainCounts { get; set; } = StoreCounts.None;

    public DailyCloseResult? WithInsights { get; set; }

    public StoreCounts InsightsCounts { get; set; } = StoreCounts.None;

    public TableCensus? Final { get; set; }

    /// <summary>The history users (<see cref="SimHistory.Lengths"/>), in that order.</summary>
    public List<SimUser> History { get; set; } = [];

    /// <summary>Redis MEMORY USAGE of each history goal's view, in <see cref="SimHistory.Lengths"/> order.</summary>
    public List<long> RedisView { get; } = [];

    public long ErasedItems { get; set; }

    public string ErasedUser { get; set; } = "";
}
