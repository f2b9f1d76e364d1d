using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class QueryApiDashboardTests(StackFixture stack)
{
    [Fact]
    public async Task Dashboard_lists_only_active_goals_with_a_hand_computed_summary()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());

        // Met yesterday and today: streak 2, met today.
        var metToday = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 2, startDate = clock.Day(-3), timezone = clock.Zone });
        await client.LogAsync(metToday, 2, clock.At(-1));
        await client.GoalAtAsync(metToday, await client.LogAsync(metToday, 2, clock.At(0, -30)));

        // Met yesterday only: streak 1, at risk, not met today.
        var atRisk = await client.CreateGoalAsync(new { title = "Steps", pattern = "daily", target = 5, startDate = clock.Day(-2), timezone = clock.Zone });
        await client.LogAsync(atRisk, 5, clock.At(-1));
        await client.GoalAtAsync(atRisk, await client.LogAsync(atRisk, 1, clock.At(0, -30)));

        // A total goal half way: no streak, not reached.
        var total = await client.CreateGoalAsync(new { title = "Books", pattern = "total", target = 100, timezone = clock.Zone });
        await client.GoalAtAsync(total, await client.LogAsync(total, 10, clock.At(0, -30)));

        // Met today but paused, archived, or completed: not on the dashboard.
        foreach (var transition in new[] { "pause", "archive" })
        {
            var goalId = await client.CreateGoalAsync(new { title = transition, pattern = "daily", target = 1, startDate = clock.Day(-1), timezone = clock.Zone });
            await client.LogAsync(goalId, 1, clock.At(-1));
            await client.LogAsync(goalId, 1, clock.At(0, -30));
            await client.GoalAtAsync(goalId, await client.TransitionAsync(goalId, transition));
        }

        var completed = await client.CreateGoalAsync(new { title = "Done", pattern = "total", target = 5, timezone = clock.Zone });
        var done = await client.GoalAtAsync(completed, await client.LogAsync(completed, 5, clock.At(0, -30)));
        Assert.Equal("completed", (string?)done["status"]);

        var dashboard = await client.GetJsonAsync("/v1/dashboard");

        var goals = dashboard["goals"]!.AsArray();
        Assert.Equal(new[] { metToday, atRisk, total }, QueryApi.Ids(goals));
        Assert.All(goals, g => Assert.Equal("active", (string?)g!["status"]));
        var summary = dashboard["summary"]!;
        Assert.Equal((3, 1, 2), ((int)summary["activeGoals"]!, (int)summary["metToday"]!, (int)summary["currentStreaks"]!));

        var met = goals[0]!;
        Assert.Equal((true, 2, 2, false), ((bool)met["progress"]!["targetReached"]!, (int)met["streak"]!["current"]!,
            (int)met["streak"]!["longest"]!, (bool)met["streak"]!["atRisk"]!));
        var risky = goals[1]!;
        Assert.Equal((false, 1m, 1, true), ((bool)risky["progress"]!["targetReached"]!, (decimal)risky["progress"]!["current"]!,
            (int)risky["streak"]!["current"]!, (bool)risky["streak"]!["atRisk"]!));
        Assert.Null(goals[2]!["streak"]);
        Assert.Equal((10m, false), ((decimal)goals[2]!["progress"]!["current"]!, (bool)goals[2]!["progress"]!["targetReached"]!));

        var single = await client.GetJsonAsync($"/v1/goals/{metToday}");
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(single, met), "the dashboard shows the same GoalView as GET /v1/goals/{id}");
    }
}
