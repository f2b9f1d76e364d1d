using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// docs/product-rules.md §4, patterns <c>total</c> and <c>milestones</c> (period "all", no streak, no day/week "met"),
/// through HTTP, with hand-computed figures. t = today, m0 = Monday of its ISO week, mN = m0 − 7N.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class TotalAndMilestonesFigureTests(StackFixture stack)
{
    [Fact]
    public async Task Total_goal_reports_the_all_time_sum_against_the_target_without_streak_or_met()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("Asia/Tokyo");
        var (t, m0, m1, m2) = (days.Today, days.Monday(), days.Monday(1), days.Monday(2));
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Run 100 km", pattern = "total", target = 100, unit = "km", startDate = LocalDays.Iso(m2),
            endDate = LocalDays.Iso(t.AddDays(30)), timezone = days.Zone,
        });
        var version = await client.LogAllAsync(goalId, days, (m2.AddDays(1), 30), (m1.AddDays(3), 25.5m), (t, 20));

        var view = await client.GoalAtAsync(goalId, version);

        // 30 + 25.5 + 20 = 75.5 of 100 → 75.5 %, not reached; period "all" starts at the start date.
        Figures.Progress(view, "all", m2, current: 75.5m, target: 100, percent: 75.5m, targetReached: false, total: 75.5m, logCount: 3);
        Figures.NoStreak(view);
        Assert.False(view.ContainsKey("reachedMilestones"));
        Assert.Equal("active", (string)view["status"]!);

        var list = await client.DaysAsync(goalId, m2, m2.AddDays(2), version);
        Figures.Day(list[0], m2, 0, 0, null);
        Figures.Day(list[1], m2.AddDays(1), 30, 1, null);
        Figures.Day(list[2], m2.AddDays(2), 0, 0, null);
        var weeks = await client.WeeksAsync(goalId, m2, t, version);
        Assert.Equal(3, weeks.Count);
        Figures.Week(weeks[0], m2, 30, 1, activeDays: 1, daysMet: 0, met: null);
        Figures.Week(weeks[1], m1, 25.5m, 1, activeDays: 1, daysMet: 0, met: null);
        Figures.Week(weeks[2], m0, 20, 1, activeDays: 1, daysMet: 0, met: null);
    }

    [Fact]
    public async Task Total_goal_that_reaches_its_target_is_completed_with_an_uncapped_percent()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("America/New_York");
        var t = days.Today;
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Read 100 pages", pattern = "total", target = 100, startDate = LocalDays.Iso(t.AddDays(-1)), timezone = days.Zone,
        });
        // v2: 60; v3: 50 reaches 100 → the same append records GoalCompleted as v4.
        var version = await client.LogAllAsync(goalId, days, (t.AddDays(-1), 60), (t, 50));
        Assert.Equal(4, version);

        var view = await client.GoalAtAsync(goalId, version);

        // 60 + 50 = 110 of 100 → 110 %, reached.
        Figures.Progress(view, "all", t.AddDays(-1), current: 110, target: 100, percent: 110m, targetReached: true, total: 110, logCount: 2);
        Figures.NoStreak(view);
        Assert.Equal("completed", (string)view["status"]!);
    }

    [Fact]
    public async Task Milestones_goal_reports_each_reached_threshold_with_the_time_of_the_activity_that_reached_it()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("America/New_York");
        var t = days.Today;
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Save", pattern = "milestones", target = 50, milestones = new[] { 10, 25, 50 }, startDate = LocalDays.Iso(t.AddDays(-4)),
            timezone = days.Zone,
        });
        var version = await client.LogAllAsync(goalId, days, (t.AddDays(-3), 12), (t.AddDays(-2), 8), (t.AddDays(-1), 6), (t, 4));

        var view = await client.GoalAtAsync(goalId, version);

        // Sums 12 (≥ 10), 20, 26 (≥ 25), 30; target = last threshold 50 → 100 × 30 / 50 = 60 %.
        Figures.Progress(view, "all", t.AddDays(-4), current: 30, target: 50, percent: 60m, targetReached: false, total: 30, logCount: 4);
        Figures.NoStreak(view);
        var reached = view["reachedMilestones"]!.AsArray();
        Assert.Equal(2, reached.Count);
        Assert.Equal((10m, days.Instant(t.AddDays(-3), 12)), ((decimal)reached[0]!["threshold"]!, DateTimeOffset.Parse((string)reached[0]!["reachedAt"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((25m, days.Instant(t.AddDays(-1), 12)), ((decimal)reached[1]!["threshold"]!, DateTimeOffset.Parse((string)reached[1]!["reachedAt"]!, System.Globalization.CultureInfo.InvariantCulture)));

        var list = await client.DaysAsync(goalId, t.AddDays(-4), t, version);
        Assert.Equal(5, list.Count);
        Figures.Day(list[0], t.AddDays(-4), 0, 0, null);
        Figures.Day(list[1], t.AddDays(-3), 12, 1, null);
        Figures.Day(list[2], t.AddDays(-2), 8, 1, null);
        Figures.Day(list[3], t.AddDays(-1), 6, 1, null);
        Figures.Day(list[4], t, 4, 1, null);
        // t−4..t spans one or two ISO weeks (by weekday): together 30 in 4 logs on 4 active days, none "met".
        var weeks = await client.WeeksAsync(goalId, t.AddDays(-4), t, version);
        Assert.Equal((30m, 4, 4), (weeks.Sum(w => (decimal)w!["total"]!), weeks.Sum(w => (int)w!["logCount"]!), weeks.Sum(w => (int)w!["activeDays"]!)));
        Assert.All(weeks, w => Assert.Equal((0, (bool?)null), ((int)w!["daysMet"]!, (bool?)w["met"])));
    }

    [Fact]
    public async Task A_milestone_added_later_is_reached_at_the_activity_whose_append_first_made_the_sum_reach_it()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("Asia/Tokyo");
        var t = days.Today;
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Pages", pattern = "milestones", target = 50, milestones = new[] { 10, 50 }, startDate = LocalDays.Iso(t.AddDays(-3)),
            timezone = days.Zone,
        });
        await client.LogAllAsync(goalId, days, (t.AddDays(-2), 12), (t.AddDays(-1), 8));
        var version = (long)(await client.SendOkAsync(HttpMethod.Patch, $"/v1/goals/{goalId}", new { milestones = new[] { 10, 15, 50 } }))["version"]!;

        var view = await client.GoalAtAsync(goalId, version);

        // Sums 12 (≥ 10, at t−2), 20 (≥ 15, at t−1): the new threshold 15 dates from the second append.
        var reached = view["reachedMilestones"]!.AsArray();
        Assert.Equal(
            [(10m, days.Instant(t.AddDays(-2), 12)), (15m, days.Instant(t.AddDays(-1), 12))],
            reached.Select(m => ((decimal)m!["threshold"]!, DateTimeOffset.Parse((string)m["reachedAt"]!, System.Globalization.CultureInfo.InvariantCulture))).ToArray());
        // 20 of 50 → 40 %.
        Figures.Progress(view, "all", t.AddDays(-3), current: 20, target: 50, percent: 40m, targetReached: false, total: 20, logCount: 2);
    }
}
