using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Memory;

namespace Lifestyle.Projections.Projection.Sources;

/// <summary>
/// The fold this process last wrote for a goal, kept between passes. It serves only the forward path: a batch that
/// shows a newer head starts from it instead of reading the progress item; a batch whose head this process already
/// projected past is skipped; a redelivery (head not newer) reads the table, so it still rebuilds read models that
/// went missing. A stale fold only re-folds events: the writes stay version-gated.
/// </summary>
public sealed class KeptProjections(IProjectionSource inner, int capacity = KeptProjections.DefaultCapacity) : ProjectionSourceDecorator(inner)
{
    /// <summary>A fold holds a goal's daily totals, so a year of history is some tens of KiB: 2,000 stays well inside a Lambda's memory.</summary>
    public const int DefaultCapacity = 2_000;

    private readonly RecentVersions<(string, string, string), GoalProjection> states = new(capacity, p => p.Version);

    public override Task<PassStart> StartAsync(GoalPass pass, CancellationToken ct)
    {
        if (pass.Change is { } change && states.TryGet(pass.Key, out var known))
        {
            if (known.Version > change.HeadVersion)
            {
                return Task.FromResult(PassStart.Past);
            }

            if (change.HeadVersion > known.Version)
            {
                return Task.FromResult(new PassStart(known, Kept: true));
            }
        }

        return Inner.StartAsync(pass, ct);
    }

    public override void Projected(GoalPass pass, GoalProjection after)
    {
        states.Set(pass.Key, after);
        Inner.Projected(pass, after);
    }

    public override void Failed(GoalPass pass)
    {
        states.Remove(pass.Key);
        Inner.Failed(pass);
    }

    public override void Forget(string userId, string goalId)
    {
        states.RemoveWhere(k => k.Item2 == userId && k.Item3 == goalId);
        Inner.Forget(userId, goalId);
    }
}
