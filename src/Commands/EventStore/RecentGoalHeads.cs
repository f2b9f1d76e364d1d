using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Memory;

namespace Lifestyle.Commands.EventStore;

/// <summary>
/// The goal heads this process last appended or read, so the next command on a goal can decide without the
/// consistent GetItem of its head. Only a hint: the append is conditioned on the head's version, and
/// <see cref="CachedGoalHeads"/> marks a remembered head unconfirmed, so a decision on it that does not lead to an append is redone
/// (docs/adr/0007-in-process-state-for-commands-and-projector.md).
/// </summary>
public sealed class RecentGoalHeads
{
    /// <summary>About 1 KiB each, so the cache stays within a few tens of MiB.</summary>
    public const int Capacity = 20_000;

    private readonly RecentVersions<(string UserId, string GoalId), GoalState> heads = new(Capacity, s => s.Version);

    public GoalState? Find(string userId, string goalId) => heads.TryGet((userId, goalId), out var state) ? state : null;

    public void Remember(GoalState state) => heads.Set((state.UserId, state.GoalId), state);

    public void Forget(string userId, string goalId) => heads.Remove((userId, goalId));

    public void ForgetUser(string userId) => heads.RemoveWhere(k => k.UserId == userId);
}
