using System.Net;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class QueryApiGoalTests(StackFixture stack)
{
    [Fact]
    public async Task Goals_listing_filters_by_status_and_defaults_to_active()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goals = new List<(string Status, string GoalId)>();
        foreach (var (status, transition) in new[] { ("active", ""), ("paused", "pause"), ("completed", "complete"), ("archived", "archive") })
        {
            var goalId = await client.CreateGoalAsync(new { title = $"Goal {status}", pattern = "daily", target = 1 });
            await client.GoalAtAsync(goalId, transition.Length == 0 ? 1 : await client.TransitionAsync(goalId, transition));
            goals.Add((status, goalId));
        }

        var byDefault = await client.GetJsonAsync("/v1/goals");
        Assert.Equal(new[] { goals[0].GoalId }, QueryApi.Ids(byDefault["items"]));
        foreach (var (status, goalId) in goals)
        {
            var list = await client.GetJsonAsync($"/v1/goals?status={status}");
            Assert.Equal(new[] { goalId }, QueryApi.Ids(list["items"]));
            Assert.Equal(status, (string?)list["items"]![0]!["status"]);
            Assert.True(list.ContainsKey("nextCursor") && list["nextCursor"] is null, list.ToJsonString());
        }

        var all = await client.GetJsonAsync("/v1/goals?status=all");
        Assert.Equal(goals.Select(g => g.GoalId), QueryApi.Ids(all["items"]));
        await client.ProblemAsync("/v1/goals?status=deleted", HttpStatusCode.BadRequest, "validation-failed");
        await client.ProblemAsync("/v1/goals?limit=0", HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Goals_listing_pages_with_limit_2_to_the_end_without_overlap_or_loss()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await client.CreateGoalAsync(new { title = $"Goal {i}", pattern = "total", target = 10 }));
        }

        foreach (var goalId in created)
        {
            await client.GoalAtAsync(goalId, 1);
        }

        var (ids, pageSizes) = await client.PageAllAsync("/v1/goals?limit=2", "goalId");

        Assert.Equal(new[] { 2, 2, 1 }, pageSizes);
        Assert.Equal(created, ids);
    }

    [Fact]
    public async Task A_goals_cursor_is_rejected_by_another_user_and_by_another_status_filter()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        using var other = stack.ClientFor(StackFixture.NewUserId());
        for (var i = 0; i < 3; i++)
        {
            await client.GoalAtAsync(await client.CreateGoalAsync(new { title = $"Goal {i}", pattern = "total", target = 10 }), 1);
            await other.GoalAtAsync(await other.CreateGoalAsync(new { title = $"Other {i}", pattern = "total", target = 10 }), 1);
        }

        var cursor = Uri.EscapeDataString((string)(await client.GetJsonAsync("/v1/goals?limit=2"))["nextCursor"]!);

        await other.ProblemAsync($"/v1/goals?limit=2&cursor={cursor}", HttpStatusCode.BadRequest, "validation-failed");
        await client.ProblemAsync($"/v1/goals?status=all&limit=2&cursor={cursor}", HttpStatusCode.BadRequest, "validation-failed");
        Assert.Single((await client.GetJsonAsync($"/v1/goals?limit=2&cursor={cursor}"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Every_goal_endpoint_answers_404_for_another_users_goal()
    {
        using var owner = stack.ClientFor(StackFixture.NewUserId());
        using var other = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await owner.CreateGoalAsync(new { title = "Mine", pattern = "daily", target = 2 });
        await owner.GoalAtAsync(goalId, await owner.LogAsync(goalId, 1));

        foreach (var path in new[] { "", "?minVersion=1", "/days", "/weeks", "/activities", "/activities?limit=1" })
        {
            await other.ProblemAsync($"/v1/goals/{goalId}{path}", HttpStatusCode.NotFound, "goal-not-found");
            await owner.ProblemAsync($"/v1/goals/01J0000000000000000000NONE{path}", HttpStatusCode.NotFound, "goal-not-found");
        }

        Assert.Empty((await other.GetJsonAsync("/v1/goals?status=all"))["items"]!.AsArray());
        Assert.Empty((await other.GetJsonAsync("/v1/dashboard"))["goals"]!.AsArray());
        Assert.Empty((await other.GetJsonAsync("/v1/export?format=json"))["goals"]!.AsArray());
    }

    [Fact]
    public async Task Templates_lists_the_five_templates_without_a_token()
    {
        using var anonymous = stack.Api.CreateClient();

        var items = (await anonymous.GetJsonAsync("/v1/templates"))["items"]!.AsArray();

        Assert.Equal(
            new[] { "exercise-30min-3x-week", "meditate-10min-daily", "sleep-8-hours", "walk-10000-steps", "water-8-glasses" },
            QueryApi.Ids(items, "templateId").Order(StringComparer.Ordinal));
        var water = items.Single(t => (string?)t!["templateId"] == "water-8-glasses")!;
        Assert.Equal(("daily", 8m, "glasses"), ((string)water["pattern"]!, (decimal)water["target"]!, (string)water["unit"]!));
        var exercise = items.Single(t => (string?)t!["templateId"] == "exercise-30min-3x-week")!;
        Assert.Equal(("weekly", 30m, "minutes", 3), ((string)exercise["pattern"]!, (decimal)exercise["target"]!,
            (string)exercise["unit"]!, (int)exercise["timesPerWeek"]!));
    }
}
