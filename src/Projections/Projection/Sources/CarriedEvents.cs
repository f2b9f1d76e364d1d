using Lifestyle.Domain.Events;
using Lifestyle.Domain.Progress;

namespace Lifestyle.Projections.Projection.Sources;

/// <summary>
/// A pass folds the events its stream batch carries instead of querying them, when they are exactly the versions after
/// the fold it starts from up to the batch's head, and recent.
/// </summary>
public sealed class CarriedEvents(IProjectionSource inner, TimeProvider time) : ProjectionSourceDecorator(inner)
{
    /// <summary>
    /// Carried events older than this mean the projector has a backlog: the pass then queries the table, which also
    /// folds the goal's newer events (their head records are still ahead in the stream), so one pass and one set of
    /// writes covers them all and the later records find nothing left to do. A shorter lag is a burst, not a backlog:
    /// there each goal changes about once per batch, so a Query per pass only adds store work (at 500 ms that work kept
    /// a loaded store behind for good; docs/performance.md).
    /// </summary>
    public static readonly TimeSpan CatchUpAfter = TimeSpan.FromSeconds(2);

    public override Task<PassEvents> EventsAfterAsync(GoalPass pass, GoalProjection? before, CancellationToken ct) =>
        Run(before, pass.Change, time.GetUtcNow()) is { } run ? Task.FromResult(new PassEvents(run, Carried: true)) : Inner.EventsAfterAsync(pass, before, ct);

    private static List<EventEnvelope>? Run(GoalProjection? before, GoalChange? change, DateTimeOffset now)
    {
        var next = (before?.Version ?? 0) + 1;
        if (change is null || change.HeadVersion < next || change.Events.Count == 0 || now - change.Events[^1].RecordedAt > CatchUpAfter)
        {
            return null;
        }

        var run = change.Events.SkipWhile(e => e.Version < next).TakeWhile(e => e.Version <= change.HeadVersion).ToList();
        return run.Count == change.HeadVersion - next + 1 && run.Select((e, i) => e.Version == next + i).All(ok => ok) ? run : null;
    }
}
