using Lifestyle.Domain.Events;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Projection.Sources;

/// <summary>One pass of one goal in one read-model version; <see cref="Change"/> is what the stream batch showed (none for a repair).</summary>
public sealed record GoalPass(string UserId, string GoalId, ReadModelKeys Keys, GoalChange? Change)
{
    public (string Version, string UserId, string GoalId) Key => (Keys.Version, UserId, GoalId);
}

/// <summary>The fold a pass starts from; <see cref="AlreadyPast"/> when this process already projected past the batch's head.</summary>
public sealed record PassStart(GoalProjection? State, bool Kept = false, bool AlreadyPast = false)
{
    public static readonly PassStart Past = new(null, AlreadyPast: true);
}

/// <summary>The events a pass folds, in version order; <see cref="Carried"/> when they came with the batch (no table read).</summary>
public sealed record PassEvents(IReadOnlyList<EventEnvelope> Events, bool Carried = false);

/// <summary>
/// Where the projector's pass reads: the stored read model and the events after it (<see cref="StoredProjections"/>), or
/// what this process already knows (<see cref="KeptProjections"/>, <see cref="CarriedEvents"/> decorate it). The rules
/// of each are in docs/adr/0007-in-process-state-for-commands-and-projector.md.
/// </summary>
public interface IProjectionSource
{
    Task<PassStart> StartAsync(GoalPass pass, CancellationToken ct);

    Task<PassEvents> EventsAfterAsync(GoalPass pass, GoalProjection? before, CancellationToken ct);

    /// <summary>The pass wrote <paramref name="after"/>.</summary>
    void Projected(GoalPass pass, GoalProjection after);

    /// <summary>The pass failed or wrote nothing: what is known of the goal may be wrong.</summary>
    void Failed(GoalPass pass);

    /// <summary>The goal is being erased: nothing of it may be served from memory again.</summary>
    void Forget(string userId, string goalId);
}

/// <summary>A source that changes some answers of <see cref="Inner"/> and passes the rest on.</summary>
public abstract class ProjectionSourceDecorator(IProjectionSource inner) : IProjectionSource
{
    protected IProjectionSource Inner { get; } = inner;

    public virtual Task<PassStart> StartAsync(GoalPass pass, CancellationToken ct) => Inner.StartAsync(pass, ct);

    public virtual Task<PassEvents> EventsAfterAsync(GoalPass pass, GoalProjection? before, CancellationToken ct) =>
        Inner.EventsAfterAsync(pass, before, ct);

    public virtual void Projected(GoalPass pass, GoalProjection after) => Inner.Projected(pass, after);

    public virtual void Failed(GoalPass pass) => Inner.Failed(pass);

    public virtual void Forget(string userId, string goalId) => Inner.Forget(userId, goalId);
}
