using System.Globalization;
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
    /// Every goal, <paramref name="segments"/> scan segments at once. With a run, each segment's position
    /// is checkpointed after every page, so an interrupted run resumes without redoing finished segments.
    /// </summary>
    public async Task RunAllAsync(int segments, ReplayRun? run, GoalAction action, ReplayProgress progress, CancellationToken ct)
    {
        await Task.WhenAll(Enumerable.Range(0, segments).Select(segment => Task.Run(async () =>
        {
            var checkpoint = run is null ? new SegmentCheckpoint(null, false) : await checkpoints.GetAsync(run, segment, ct);
            var startKey = checkpoint.LastKey;
            if (checkpoint.Done)
            {
                return;
            }

            var next = walker.ScanAsync(segment, segments, startKey, ct);
            do
            {
                var page = await next;
                progress.CountScanned(page.Scanned);

                // The next page is read while this one's goals are rebuilt: the scan reads every item of
                // the table to find the heads, so waiting for it between pages idles the segment.
                next = page.LastKey is null ? Task.FromResult(ScanPage.End) : walker.ScanAsync(segment, segments, page.LastKey, ct);
                foreach (var goal in page.Goals)
                {
                    var (events, items, differences) = await action(goal, ct);
                    progress.CountGoal(events, items, differences);
                }

                startKey = page.LastKey;
                if (run is not null)
                {
                    await checkpoints.SaveAsync(run, segment, new SegmentCheckpoint(startKey, startKey is null), ct);
                }
            }
            while (startKey is not null);
        }, ct)));
    }

    public static string NewRunId() => DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
}
