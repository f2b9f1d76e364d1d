namespace Lifestyle.Commands.EventStore;

/// <summary>
/// Decorator: a <see cref="Freshness.Recent"/> head read answers from the heads this process last appended or
/// read (no GetItem), marked unconfirmed so that a decision that does not lead to an append is redone from a
/// consistent read. Appends remember the new head; a refused append forgets the old one
/// (docs/adr/0007-in-process-state-for-commands-and-projector.md).
/// </summary>
public sealed class CachedGoalHeads(IGoalStore inner, RecentGoalHeads heads) : GoalStoreDecorator(inner)
{
    public override async Task<LoadedHead?> LoadHeadAsync(string userId, string goalId, Freshness freshness, CancellationToken ct)
    {
        if (freshness == Freshness.Recent && heads.Find(userId, goalId) is { } remembered)
        {
            return new LoadedHead(remembered, Confirmed: false);
        }

        var loaded = await Inner.LoadHeadAsync(userId, goalId, freshness, ct);
        if (loaded is null)
        {
            heads.Forget(userId, goalId);
        }
        else
        {
            heads.Remember(loaded.State);
        }

        return loaded;
    }

    public override async Task<AppendOutcome> AppendAsync(AppendRequest append, CancellationToken ct)
    {
        var outcome = await Inner.AppendAsync(append, ct);
        if (outcome == AppendOutcome.Appended)
        {
            heads.Remember(append.After);
        }
        else if (outcome == AppendOutcome.VersionConflict)
        {
            heads.Forget(append.After.UserId, append.After.GoalId);
        }

        return outcome;
    }
}
