using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Projections.Projection;

namespace Lifestyle.Projections.Replay;

/// <summary>What to do with each goal, and how many events/items/differences it came to.</summary>
public delegate Task<(int Events, int Items, int Differences)> GoalAction(GoalRef goal, CancellationToken ct);

/// <summary>Runs a per-goal action over one goal, one user, or every goal (parallel segments, resumable).</summary>
public sealed class ReplayRunner(GoalWalker walker, ReplayCheckpoints checkpoints)
{
    public static async Task RunAsync(IEnumerable<GoalRef> goals, GoalAction action, ReplayProgress progress, CancellationToken ct)
    {
        foreach (var goal in goals)
        {
            var (events, items, differences) = await action(goal, ct);
            progress.CountGoal(events, items, differences);
        }
    }

    /// <summary>
    /// Every goal, found by <paramref name="walk"/>: a Scan in <paramref name="workers"/> segments, one worker each, or
    /// GSI1's partitions shared out to that many workers. With a run, each segment's or partition's position is
    /// checkpointed after every page, so an interrupted run resumes without redoing finished ones.
    /// </summary>
    public async Task RunAllAsync(int workers, GoalWalk walk, ReplayRun? run, GoalAction action, ReplayProgress progress, CancellationToken ct)
    {
        var units = walk == GoalWalk.Scan ? workers : GoalWalker.IndexPartitions.Count;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, units)).Select(_ => Task.Run(async () =>
        {
            int unit;
            while ((unit = Interlocked.Increment(ref next)) < units)
            {
                var current = unit;
                Task<ScanPage> Page(Dictionary<string, AttributeValue>? from) => walk == GoalWalk.Scan
                    ? walker.ScanAsync(current, units, from, ct)
                    : walker.IndexPageAsync(current, from, ct);
                await RunUnitAsync(unit, Page, run, action, progress, ct);
            }
        }, ct)));
    }

    private async Task RunUnitAsync(
        int unit, Func<Dictionary<string, AttributeValue>?, Task<ScanPage>> page, ReplayRun? run, GoalAction action, ReplayProgress progress, CancellationToken ct)
    {
        var checkpoint = run is null ? new SegmentCheckpoint(null, false) : await checkpoints.GetAsync(run, unit, ct);
        var startKey = checkpoint.LastKey;
        if (checkpoint.Done)
        {
            return;
        }

        var next = page(startKey);
        do
        {
            var current = await next;
            progress.CountScanned(current.Scanned);

            // The next page is read while this one's goals are rebuilt: waiting for it between pages idles the worker.
            next = current.LastKey is null ? Task.FromResult(ScanPage.End) : page(current.LastKey);
            foreach (var goal in current.Goals)
            {
                var (events, items, differences) = await action(goal, ct);
                progress.CountGoal(events, items, differences);
            }

            startKey = current.LastKey;
            if (run is not null)
            {
                await checkpoints.SaveAsync(run, unit, new SegmentCheckpoint(startKey, startKey is null), ct);
            }
        }
        while (startKey is not null);
    }

    public static string NewRunId() => DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
}
