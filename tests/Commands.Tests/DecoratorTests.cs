using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Commands.Tests;

/// <summary>The shortcuts as decorators of the port, each rule on its own, with no store behind them.</summary>
public sealed class DecoratorTests
{
    private readonly InMemoryGoalStore store = new();
    private readonly RecentGoalHeads heads = new();
    private readonly string user = "u" + Appends.NewId();

    [Fact]
    public async Task A_recent_head_read_after_an_append_answers_from_memory_unconfirmed_without_a_read()
    {
        var cached = new CachedGoalHeads(store, heads);
        var create = Appends.Create(user, Appends.NewId());
        await cached.AppendAsync(create, default);
        store.Calls.Clear();

        var head = await cached.LoadHeadAsync(user, create.After.GoalId, Freshness.Recent, default);

        Assert.Equal((1L, false), (head!.State.Version, head.Confirmed));
        Assert.Empty(store.Calls);
    }

    [Fact]
    public async Task A_consistent_head_read_always_asks_the_store_and_remembers_what_it_got()
    {
        var cached = new CachedGoalHeads(store, heads);
        var create = Appends.Create(user, Appends.NewId());
        await cached.AppendAsync(create, default);
        store.Overwrite(Appends.Log(create.After, 4).After);

        var head = await cached.LoadHeadAsync(user, create.After.GoalId, Freshness.Consistent, default);

        Assert.Equal((2L, true), (head!.State.Version, head.Confirmed));
        Assert.Equal(2L, heads.Find(user, create.After.GoalId)!.Version);
    }

    [Fact]
    public async Task A_version_conflict_forgets_the_remembered_head()
    {
        var cached = new CachedGoalHeads(store, heads);
        var create = Appends.Create(user, Appends.NewId());
        await cached.AppendAsync(create, default);
        store.Overwrite(Appends.Log(create.After, 4).After);

        Assert.Equal(AppendOutcome.VersionConflict, await cached.AppendAsync(Appends.Log(create.After, 1), default));

        Assert.Null(heads.Find(user, create.After.GoalId));
    }

    [Fact]
    public async Task A_goal_the_store_does_not_have_is_forgotten_too()
    {
        var cached = new CachedGoalHeads(store, heads);
        var goal = Appends.Create(user, Appends.NewId()).After;
        heads.Remember(goal);

        Assert.Null(await cached.LoadHeadAsync(user, goal.GoalId, Freshness.Consistent, default));
        Assert.Null(heads.Find(user, goal.GoalId));
    }

    [Fact]
    public async Task A_recent_quota_read_assumes_room_and_reads_nothing()
    {
        var quota = new AssumedQuota(store);
        await Task.WhenAll(Enumerable.Range(0, GoalLimits.MaxOpenGoals).Select(_ => store.AppendAsync(Appends.Create(user, Appends.NewId()), default)));
        store.Calls.Clear();

        Assert.Equal(0, await quota.OpenGoalsAsync(user, Freshness.Recent, default));
        Assert.Empty(store.Calls);
        Assert.Equal(GoalLimits.MaxOpenGoals, await quota.OpenGoalsAsync(user, Freshness.Consistent, default));
    }
}
