namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// Worker w of <paramref name="workers"/> takes goals w, w + workers, w + 2·workers, … of <paramref name="count"/>
/// in turn: each worker has its own share, so workers never race on a goal. Not shared between loops.
/// </summary>
public sealed class GoalShares(int count, int workers)
{
    private readonly int[] next = new int[workers];

    public int Next(int worker)
    {
        var share = Math.Max(1, (count - worker + workers - 1) / workers);
        return (worker + (workers * (next[worker]++ % share))) % count;
    }
}
