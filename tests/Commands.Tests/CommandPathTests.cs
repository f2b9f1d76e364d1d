using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Commands.Goals.ChangeGoalStatus;
using Lifestyle.Commands.Goals.CreateGoal;
using Lifestyle.Commands.Goals.LogActivity;
using Lifestyle.Commands.Goals.RemoveActivity;
using Lifestyle.Domain.Goals;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Lifestyle.Commands.Tests;

/// <summary>The linear path (load → decide → append, retries as a policy) over the in-memory port: CPU only.</summary>
public sealed class CommandPathTests
{
    private readonly InMemoryGoalStore store = new();
    private readonly RecentGoalHeads heads = new();
    private readonly string user = "u" + Appends.NewId();

    [Fact]
    public async Task A_log_decided_on_a_stale_remembered_head_is_redone_from_the_store_and_answers_goal_paused()
    {
        var path = Path();
        var goalId = await CreateAsync(path);
        store.Overwrite(heads.Find(user, goalId)! with { Status = GoalStatus.Paused, Version = 2 });

        var refused = await Assert.ThrowsAsync<GoalRuleException>(() => LogAsync(path, goalId, 1));

        Assert.Equal(GoalErrorCode.GoalPaused, refused.Code);
        Assert.Single(store.Events(user, goalId));
    }

    [Fact]
    public async Task A_rule_error_from_a_stale_remembered_head_is_not_the_answer_when_the_store_says_otherwise()
    {
        var path = Path();
        var goalId = await CreateAsync(path);
        heads.Remember(heads.Find(user, goalId)! with { Status = GoalStatus.Paused });

        var logged = await LogAsync(path, goalId, 2);

        Assert.Equal((201, 2L), (logged.StatusCode, logged.Body.Version));
        Assert.NotNull(logged.Body.ActivityId);
    }

    [Fact]
    public async Task A_create_assumes_room_under_the_quota_and_reads_the_count_only_when_the_append_refuses()
    {
        var path = Path();
        await CreateAsync(path);
        Assert.DoesNotContain(nameof(IGoalStore.OpenGoalsAsync), store.Calls);
        for (var i = 1; i < GoalLimits.MaxOpenGoals; i++)
        {
            await store.AppendAsync(Appends.Create(user, Appends.NewId()), default);
        }

        var refused = await Assert.ThrowsAsync<GoalRuleException>(() => CreateAsync(path));

        Assert.Equal(GoalErrorCode.GoalQuotaExceeded, refused.Code);
        Assert.Single(store.Calls, c => c == nameof(IGoalStore.OpenGoalsAsync));
    }

    [Fact]
    public async Task A_store_failure_while_reading_what_decide_needs_is_neither_swallowed_nor_retried()
    {
        var path = Path();
        var goalId = await CreateAsync(path);
        store.Fault = call => call == nameof(IGoalStore.FindActivityAsync) ? new IOException("the store is gone") : null;

        await Assert.ThrowsAsync<IOException>(() =>
            new RemoveActivityHandler(path).Handle(new RemoveActivityCommand(new(user), goalId, ActivityId.From(Appends.Now)), default));

        Assert.Single(store.Calls, c => c == nameof(IGoalStore.FindActivityAsync));
    }

    [Fact]
    public async Task Concurrent_logs_on_one_goal_all_land_with_consecutive_versions()
    {
        var path = Path();
        var goalId = await CreateAsync(path);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => LogAsync(path, goalId, 1))));

        Assert.Equal(Enumerable.Range(2, 20).Select(v => (long)v), results.Select(r => r.Body.Version).Order());
        Assert.Equal(20m, store.Events(user, goalId).Aggregate((GoalState?)null, GoalState.Evolve)!.Sum);
    }

    [Fact]
    public async Task If_match_on_an_older_version_is_a_version_mismatch()
    {
        var path = Path();
        var goalId = await CreateAsync(path);
        await LogAsync(path, goalId, 1);

        var mismatch = await Assert.ThrowsAsync<VersionMismatchException>(() => LogAsync(path, goalId, 1, new CommandMetadata(user, ExpectedVersion: 1)));

        Assert.Equal(2L, mismatch.Actual);
    }

    [Fact]
    public async Task A_repeated_key_replays_the_first_answer_and_a_reused_key_is_refused()
    {
        var path = Path();
        var goalId = await CreateAsync(path);
        var meta = new CommandMetadata(user, Idempotency: new("key-1", "fp-1"));
        var first = await LogAsync(path, goalId, 1, meta);

        var again = await LogAsync(path, goalId, 1, meta);

        Assert.Equal((first.Body, true), (again.Body, again.Replayed));
        Assert.Equal(2, store.Events(user, goalId).Count);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => LogAsync(path, goalId, 1, meta with { Idempotency = new("key-1", "fp-2") }));
    }

    [Fact]
    public async Task A_pause_of_a_paused_goal_appends_nothing_and_answers_its_version()
    {
        var path = Path();
        var goalId = await CreateAsync(path);
        var pause = new ChangeGoalStatusCommand(new(user), goalId, GoalTransition.Pause);
        await new ChangeGoalStatusHandler(path).Handle(pause, default);

        var again = await new ChangeGoalStatusHandler(path).Handle(pause, default);

        Assert.Equal((200, 2L, "paused"), (again.StatusCode, again.Body.Version, again.Body.Status));
        Assert.Equal(2, store.Events(user, goalId).Count);
    }

    [Fact]
    public async Task A_command_that_loses_every_race_gives_up_after_the_policys_attempts()
    {
        var path = Path(new AlwaysConflicting(store), attempts: 5);
        var goalId = Appends.NewId();
        await store.AppendAsync(Appends.Create(user, goalId), default);

        await Assert.ThrowsAsync<ConcurrencyExhaustedException>(() => LogAsync(path, goalId, 1));

        Assert.Equal(5, store.Calls.Count(c => c == nameof(IGoalStore.LoadHeadAsync)));
    }

    private GoalCommandService Path(IGoalStore? inner = null, int attempts = CommandRetryPolicy.MaxAttempts) =>
        new(new AssumedQuota(new CachedGoalHeads(inner ?? store, heads)), new CommandRetryPolicy(attempts), TimeProvider.System,
            NullLogger<GoalCommandService>.Instance);

    private async Task<string> CreateAsync(GoalCommandService path)
    {
        var command = new CreateGoalCommand(new(user), "Water", "daily", 8, "glasses", null, null, null, null, null, null);
        return (await new CreateGoalHandler(path).Handle(command, default)).Body.GoalId;
    }

    private Task<CommandResult> LogAsync(GoalCommandService path, string goalId, decimal value, CommandMetadata? meta = null) =>
        new LogActivityHandler(path).Handle(new LogActivityCommand(meta ?? new(user), goalId, value, null, null), default);

    private sealed class AlwaysConflicting(IGoalStore inner) : GoalStoreDecorator(inner)
    {
        public override Task<AppendOutcome> AppendAsync(AppendRequest append, CancellationToken ct) =>
            Task.FromResult(AppendOutcome.TransactionConflict);
    }
}
