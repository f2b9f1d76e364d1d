using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Commands.Tests;

/// <summary>What every implementation of the storage port must do; run against the table and against memory.</summary>
public abstract class GoalStoreContract
{
    private readonly string user = "u" + Appends.NewId();

    protected abstract IGoalStore Store { get; }

    [Fact]
    public async Task An_appended_create_loads_back_confirmed_at_its_version()
    {
        var goalId = Appends.NewId();
        Assert.Equal(AppendOutcome.Appended, await Store.AppendAsync(Appends.Create(user, goalId), default));

        var head = await Store.LoadHeadAsync(user, goalId, Freshness.Consistent, default);

        Assert.NotNull(head);
        Assert.True(head.Confirmed);
        Assert.Equal((1L, GoalStatus.Active, "Water"), (head.State.Version, head.State.Status, head.State.Definition.Title));
        Assert.Equal(1, await Store.OpenGoalsAsync(user, Freshness.Consistent, default));
    }

    [Fact]
    public async Task An_append_decided_on_an_older_version_is_a_version_conflict_and_changes_nothing()
    {
        var (goalId, v1) = await CreatedAsync();
        Assert.Equal(AppendOutcome.Appended, await Store.AppendAsync(Appends.Log(v1, 1), default));

        Assert.Equal(AppendOutcome.VersionConflict, await Store.AppendAsync(Appends.Log(v1, 5), default));
        Assert.Equal(AppendOutcome.VersionConflict, await Store.AppendAsync(Appends.Create(user, goalId), default));
        var head = (await Store.LoadHeadAsync(user, goalId, Freshness.Consistent, default))!.State;
        Assert.Equal((2L, 1m), (head.Version, head.Sum));
    }

    [Fact]
    public async Task A_recorded_answer_replays_and_its_key_refuses_a_second_append()
    {
        var idem = new IdempotencyRequest("k-" + Appends.NewId(), "fingerprint-1");
        var (_, v1) = await CreatedAsync();
        var first = Appends.Log(v1, 2, idem);
        Assert.Equal(AppendOutcome.Appended, await Store.AppendAsync(first, default));

        var stored = await Store.FindResponseAsync(user, idem.Key, default);

        Assert.Equal(("fingerprint-1", first.Response.Body, true), (stored!.Fingerprint, stored.Result.Body, stored.Result.Replayed));
        var v2 = (await Store.LoadHeadAsync(user, v1.GoalId, Freshness.Consistent, default))!.State;
        Assert.Equal(AppendOutcome.IdempotencyConflict, await Store.AppendAsync(Appends.Log(v2, 2, idem), default));
    }

    [Fact]
    public async Task A_no_op_answer_binds_its_key_once()
    {
        var (goalId, _) = await CreatedAsync();
        var idem = new IdempotencyRequest("k-" + Appends.NewId(), "f");
        var answer = new CommandResult(200, new CommandResponse(goalId, 1));

        Assert.True(await Store.RecordResponseAsync(user, idem, answer, Appends.Now, default));
        Assert.False(await Store.RecordResponseAsync(user, idem, answer, Appends.Now, default));
        Assert.Equal(answer.Body, (await Store.FindResponseAsync(user, idem.Key, default))!.Result.Body);
    }

    [Fact]
    public async Task A_create_beyond_the_quota_is_a_quota_conflict()
    {
        for (var i = 0; i < GoalLimits.MaxOpenGoals; i++)
        {
            await CreatedAsync();
        }

        Assert.Equal(AppendOutcome.QuotaConflict, await Store.AppendAsync(Appends.Create(user, Appends.NewId()), default));
        Assert.Equal(GoalLimits.MaxOpenGoals, await Store.OpenGoalsAsync(user, Freshness.Consistent, default));
    }

    [Fact]
    public async Task A_logged_activity_is_found_until_it_is_removed()
    {
        var (goalId, v1) = await CreatedAsync();
        var log = Appends.Log(v1, 3);
        await Store.AppendAsync(log, default);
        var activityId = ((ActivityLogged)log.Events[0].Event).ActivityId;

        var found = await Store.FindActivityAsync(user, goalId, activityId, default);
        Assert.Equal(3m, found!.Value);
        Assert.Null(await Store.FindActivityAsync(user, goalId, ActivityId.From(Appends.Now.AddYears(-1)), default));

        Assert.Equal(AppendOutcome.Appended, await Store.AppendAsync(Appends.Remove(log.After, activityId, found), default));
        Assert.Null(await Store.FindActivityAsync(user, goalId, activityId, default));
    }

    [Fact]
    public async Task A_goal_that_does_not_exist_loads_as_null() =>
        Assert.Null(await Store.LoadHeadAsync(user, Appends.NewId(), Freshness.Consistent, default));

    private async Task<(string GoalId, GoalState Head)> CreatedAsync()
    {
        var goalId = Appends.NewId();
        var create = Appends.Create(user, goalId);
        Assert.Equal(AppendOutcome.Appended, await Store.AppendAsync(create, default));
        return (goalId, create.After);
    }
}
