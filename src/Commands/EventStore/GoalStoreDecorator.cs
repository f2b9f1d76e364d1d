using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Commands.EventStore;

/// <summary>Forwards every call of the port; a decorator overrides only the calls whose rule it adds.</summary>
public abstract class GoalStoreDecorator(IGoalStore inner) : IGoalStore
{
    protected IGoalStore Inner { get; } = inner;

    public virtual Task<LoadedHead?> LoadHeadAsync(string userId, string goalId, Freshness freshness, CancellationToken ct) =>
        Inner.LoadHeadAsync(userId, goalId, freshness, ct);

    public virtual Task<int> OpenGoalsAsync(string userId, Freshness freshness, CancellationToken ct) =>
        Inner.OpenGoalsAsync(userId, freshness, ct);

    public Task<FoundActivity?> FindActivityAsync(string userId, string goalId, string activityId, CancellationToken ct) =>
        Inner.FindActivityAsync(userId, goalId, activityId, ct);

    public Task<StoredResponse?> FindResponseAsync(string userId, string idempotencyKey, CancellationToken ct) =>
        Inner.FindResponseAsync(userId, idempotencyKey, ct);

    public Task<bool> RecordResponseAsync(string userId, IdempotencyRequest idempotency, CommandResult result, DateTimeOffset now, CancellationToken ct) =>
        Inner.RecordResponseAsync(userId, idempotency, result, now, ct);

    public virtual Task<AppendOutcome> AppendAsync(AppendRequest append, CancellationToken ct) => Inner.AppendAsync(append, ct);
}
