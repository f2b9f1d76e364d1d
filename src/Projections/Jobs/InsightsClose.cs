using System.Collections.Concurrent;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection.Sources;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// The insights part of the daily close (docs/insights.md): after the walk of active goals has filled an
/// <see cref="InsightsAccumulator"/>, counts every goal head's template (any status), then writes the template
/// statistics and each user's insights item. <c>replay</c> rebuilds the same items through this class.
/// </summary>
public sealed class InsightsClose(GoalHeadWalk heads, StoredProjections stored, InsightsStore store)
{
    private const int Parallel = 4;

    /// <summary>The number of users whose insights item was written.</summary>
    public async Task<int> FinishAsync(InsightsAccumulator acc, IReadOnlyList<ReadModelKeys> versions, CancellationToken ct)
    {
        var anyGoal = await CountAdoptionsAsync(acc, ct);
        var stats = acc.Stats();
        foreach (var keys in versions)
        {
            await store.WriteStatsAsync(stats, keys, ct);
        }

        var users = acc.Users.Where(anyGoal.ContainsKey).ToList();
        await System.Threading.Tasks.Parallel.ForEachAsync(users, Options(ct), async (user, token) =>
        {
            var shape = acc.For(user);
            foreach (var keys in versions)
            {
                await store.WriteUserAsync(user, anyGoal[user], shape, keys, token);
            }
        });
        return users.Count;
    }

    /// <summary>Counts every goal head's template (any status) into <paramref name="acc"/>; one goal id of each user.</summary>
    public async Task<ConcurrentDictionary<string, string>> CountAdoptionsAsync(InsightsAccumulator acc, CancellationToken ct)
    {
        var anyGoal = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await EachShardAsync(Enum.GetValues<GoalStatus>(), (head, _) =>
        {
            acc.AddGoal(head.UserId, head.TemplateId);
            anyGoal.TryAdd(head.UserId, head.GoalId);
            return Task.CompletedTask;
        }, ct);
        return anyGoal;
    }

    /// <summary>What the daily close of <paramref name="date"/> writes for insights, without its notifications.</summary>
    public async Task<int> RebuildAllAsync(DateOnly date, ReadModelKeys keys, CancellationToken ct)
    {
        var acc = new InsightsAccumulator(date);
        await EachShardAsync([GoalStatus.Active], async (head, token) =>
        {
            if (await stored.LoadAsync(head.UserId, head.GoalId, keys, token) is { } p)
            {
                acc.AddActive(p);
            }
        }, ct);
        return await FinishAsync(acc, [keys], ct);
    }

    /// <summary>One user's item as the close of <paramref name="date"/> would write it; null when the user has no goal.</summary>
    public async Task<(InsightsAccumulator Acc, string AnyGoal)?> ForUserAsync(string userId, DateOnly date, ReadModelKeys keys, CancellationToken ct)
    {
        var acc = new InsightsAccumulator(date);
        var found = await heads.UserAsync(userId, ct);
        foreach (var head in found)
        {
            acc.AddGoal(userId, head.TemplateId);
            if (head.Status == GoalStatus.Active && await stored.LoadAsync(userId, head.GoalId, keys, ct) is { } p)
            {
                acc.AddActive(p);
            }
        }

        return found.Count == 0 ? null : (acc, found[0].GoalId);
    }

    /// <summary>Rebuilds one user's item (the statistics need every user: the close and <c>replay --all</c> write those).</summary>
    public async Task RebuildUserAsync(string userId, DateOnly date, ReadModelKeys keys, CancellationToken ct)
    {
        if (await ForUserAsync(userId, date, keys, ct) is { } user)
        {
            await store.WriteUserAsync(userId, user.AnyGoal, user.Acc.For(userId), keys, ct);
        }
        else
        {
            await store.DeleteUserAsync(userId, keys, ct);
        }
    }

    private async Task EachShardAsync(GoalStatus[] statuses, Func<HeadRef, CancellationToken, Task> action, CancellationToken ct) =>
        await System.Threading.Tasks.Parallel.ForEachAsync(
            statuses.SelectMany(s => Enumerable.Range(0, Keys.StatusShards).Select(shard => (s, shard))), Options(ct),
            async (part, token) =>
            {
                await foreach (var head in heads.AllAsync(part.s, part.shard, token))
                {
                    await action(head, token);
                }
            });

    private static ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Parallel, CancellationToken = ct };
}
