namespace Lifestyle.Commands.EventStore;

/// <summary>
/// Decorator: at <see cref="Freshness.Recent"/> a create assumes the user has room under the quota and reads no
/// PROFILE. The append's counter condition enforces the quota; only when it fails does the caller ask again at
/// <see cref="Freshness.Consistent"/>, which reads the count.
/// </summary>
public sealed class AssumedQuota(IGoalStore inner) : GoalStoreDecorator(inner)
{
    public override Task<int> OpenGoalsAsync(string userId, Freshness freshness, CancellationToken ct) =>
        freshness == Freshness.Recent ? Task.FromResult(0) : Inner.OpenGoalsAsync(userId, freshness, ct);
}
