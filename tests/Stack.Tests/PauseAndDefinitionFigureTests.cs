using System.Net;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// docs/product-rules.md §4: a definition change applies from the local date it is recorded on (earlier days keep the
/// old target); a paused period neither extends nor breaks a streak. Hand-computed; t = today.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class PauseAndDefinitionFigureTests(StackFixture stack)
{
    [Fact]
    public async Task A_lowered_daily_target_counts_from_today_while_earlier_days_keep_the_old_one()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("Asia/Tokyo");
        var t = days.Today;
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Walk", pattern = "daily", target = 8, unit = "km", startDate = LocalDays.Iso(t.AddDays(-2)), timezone = days.Zone,
        });
        await client.LogAllAsync(goalId, days, (t.AddDays(-2), 8), (t.AddDays(-1), 6));
        var patched = await client.SendOkAsync(HttpMethod.Patch, $"/v1/goals/{goalId}", new { target = 5 });
        Assert.Equal(4, (long)patched["version"]!);
        var version = await client.LogAllAsync(goalId, days, (t, 5));

        var view = await client.GoalAtAsync(goalId, version);

        // Today under the new target: 5 of 5 → 100 %, reached. All time 8 + 6 + 5 = 19 in 3 logs.
        Assert.Equal(5m, (decimal)view["target"]!);
        Figures.Progress(view, "day", t, current: 5, target: 5, percent: 100m, targetReached: true, total: 19, logCount: 3);
        // t−2: 8 ≥ 8 met; t−1: 6 < 8 (the old target still applies to it) unmet; today 5 ≥ 5 met → current 1, longest 1.
        Figures.Streak(view, current: 1, longest: 1, unit: "days", atRisk: false);
        var list = await client.DaysAsync(goalId, t.AddDays(-2), t, version);
        Figures.Day(list[0], t.AddDays(-2), 8, 1, true);
        Figures.Day(list[1], t.AddDays(-1), 6, 1, false);
        Figures.Day(list[2], t, 5, 1, true);
    }

    [Fact]
    public async Task Pausing_today_keeps_the_daily_streak_without_putting_it_at_risk_and_resuming_puts_it_back_at_risk()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("America/New_York");
        var t = days.Today;
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Stretch", pattern = "daily", target = 2, startDate = LocalDays.Iso(t.AddDays(-2)), timezone = days.Zone,
        });
        var version = await client.LogAllAsync(goalId, days, (t.AddDays(-2), 2), (t.AddDays(-1), 3));

        // t−2 and t−1 met, today nothing yet → current 2 (ends yesterday), longest 2, at risk.
        Figures.Streak(await client.GoalAtAsync(goalId, version), current: 2, longest: 2, unit: "days", atRisk: true);

        var paused = await client.SendOkAsync(HttpMethod.Post, $"/v1/goals/{goalId}/pause");
        Assert.Equal(("paused", version + 1), ((string)paused["status"]!, (long)paused["version"]!));
        var view = await client.GoalAtAsync(goalId, version + 1);
        Assert.Equal("paused", (string)view["status"]!);
        // Today is paused: skipped, so the run still ends yesterday (2) and nothing is at risk.
        Figures.Streak(view, current: 2, longest: 2, unit: "days", atRisk: false);
        // Today 0 of 2 → 0 %; all time 2 + 3 = 5 in 2 logs.
        Figures.Progress(view, "day", t, current: 0, target: 2, percent: 0m, targetReached: false, total: 5, logCount: 2);
        await client.SendOkAsync(HttpMethod.Post, $"/v1/goals/{goalId}/activities", new { value = 1 }, HttpStatusCode.Conflict);

        await client.SendOkAsync(HttpMethod.Post, $"/v1/goals/{goalId}/resume");
        view = await client.GoalAtAsync(goalId, version + 2);
        Assert.Equal("active", (string)view["status"]!);
        Figures.Streak(view, current: 2, longest: 2, unit: "days", atRisk: true);
    }
}
