using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>
/// Each API process decides from the goal head it last saw (no GetItem), but never answers from a
/// stale one: here a second instance changes the goal behind the first one's back.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HeadCacheTests(ApiFixture api)
{
    [Fact]
    public async Task A_goal_paused_through_another_instance_refuses_a_log_here_though_this_instance_saw_it_active()
    {
        await using var two = new TwoInstances(api);
        var (user, here, there) = (two.User, two.Here, two.There);
        var goalId = await here.CreateGoalAsync(Goals.Daily());
        await here.LogActivityIdAsync(goalId, 1);

        Assert.Equal(3L, await there.TransitionAsync(goalId, "pause").VersionAsync());

        await (await here.LogAsync(goalId, new { value = 1 })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goal-paused");
        Assert.Equal(3, (await api.EventItemsAsync(user, goalId)).Count);
    }

    [Fact]
    public async Task A_goal_resumed_through_another_instance_accepts_a_log_here_though_this_instance_saw_it_paused()
    {
        await using var two = new TwoInstances(api);
        var (user, here, there) = (two.User, two.Here, two.There);
        var goalId = await here.CreateGoalAsync(Goals.Daily());
        Assert.Equal(2L, await here.TransitionAsync(goalId, "pause").VersionAsync());
        Assert.Equal(3L, await there.TransitionAsync(goalId, "resume").VersionAsync());

        Assert.Equal(4L, await here.LogAsync(goalId, new { value = 2 }).VersionAsync(HttpStatusCode.Created));
    }

    [Fact]
    public async Task Logs_alternating_between_two_instances_get_consecutive_versions_and_the_right_sum()
    {
        await using var two = new TwoInstances(api);
        var (user, here, there) = (two.User, two.Here, two.There);
        var goalId = await here.CreateGoalAsync(Goals.Total(1000));

        var versions = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            versions.Add(await (i % 2 == 0 ? here : there).LogAsync(goalId, new { value = 10 }).VersionAsync(HttpStatusCode.Created));
        }

        Assert.Equal([2L, 3L, 4L, 5L, 6L, 7L], versions);
        var head = await api.GoalHeadAsync(user, goalId);
        Assert.Equal(("7", "60"), (head["version"].N, head["sum"].N));
    }

    [Fact]
    public async Task If_match_is_checked_against_the_stored_head_not_this_instances_copy()
    {
        await using var two = new TwoInstances(api);
        var (user, here, there) = (two.User, two.Here, two.There);
        var goalId = await here.CreateGoalAsync(Goals.Daily());
        Assert.Equal(2L, await there.LogAsync(goalId, new { value = 1 }).VersionAsync(HttpStatusCode.Created));

        var stale = await here.LogAsync(goalId, new { value = 1 }, GoalApi.Header("If-Match", "\"1\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");

        var current = await here.LogAsync(goalId, new { value = 1 }, GoalApi.Header("If-Match", "\"2\""));
        Assert.Equal(3L, (long)(await current.ShouldSucceedAsync(HttpStatusCode.Created))["version"]!);
    }

    [Fact]
    public async Task A_patch_this_instance_thinks_changes_nothing_is_appended_when_another_instance_changed_the_goal_since()
    {
        await using var two = new TwoInstances(api);
        var (user, here, there) = (two.User, two.Here, two.There);
        var goalId = await here.CreateGoalAsync(Goals.Daily());
        Assert.Equal(2L, await here.PatchGoalAsync(goalId, new { title = "Renamed" }).VersionAsync());
        Assert.Equal(3L, await there.PatchGoalAsync(goalId, new { title = "Renamed back" }).VersionAsync());

        Assert.Equal(4L, await here.PatchGoalAsync(goalId, new { title = "Renamed" }).VersionAsync());
        Assert.Equal(4, (await api.EventItemsAsync(user, goalId)).Count);
    }

    /// <summary>A user's clients on this fixture's API and on a second instance of it.</summary>
    private sealed class TwoInstances(ApiFixture api) : IAsyncDisposable
    {
        private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> other = api.NewInstance();

        public string User { get; } = ApiFixture.NewUserId();

        public HttpClient Here => field ??= api.ClientFor(User);

        public HttpClient There => field ??= api.ClientFor(User, other);

        public async ValueTask DisposeAsync()
        {
            Here.Dispose();
            There.Dispose();
            await other.DisposeAsync();
        }
    }
}
