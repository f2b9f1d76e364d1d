using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// docs/product-rules.md §4, pattern <c>daily</c>, through HTTP against the running stack, with hand-computed figures.
/// Dates: t = today in Asia/Tokyo; m0 = Monday of t's ISO week, mN = m0 − 7N. Days t−6..t lie in
/// weeks m1 and m0 only, so weeks m3 and m2 never depend on the weekday the test runs on.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class DailyFigureTests(StackFixture stack)
{
    [Fact]
    public async Task Daily_goal_reports_todays_progress_the_day_streak_and_day_and_week_figures()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("Asia/Tokyo");
        var (t, m3, m2) = (days.Today, days.Monday(3), days.Monday(2));
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Water", pattern = "daily", target = 8, unit = "glasses", startDate = LocalDays.Iso(m3), timezone = days.Zone,
        });
        var version = await client.LogAllAsync(goalId, days,
            (m3, 8), (m3.AddDays(1), 4), (m3.AddDays(1), 4), (m3.AddDays(2), 9), (m3.AddDays(3), 2),
            (m2, 8), (m2.AddDays(1), 8), (m2.AddDays(2), 8), (m2.AddDays(3), 8), (m2.AddDays(4), 8), (m2.AddDays(5), 8), (m2.AddDays(6), 8),
            (t.AddDays(-2), 10), (t.AddDays(-1), 8), (t, 3), (t, 2));
        Assert.Equal(17, version);

        var view = await client.GoalAtAsync(goalId, version);

        // Today: 3 + 2 = 5 of 8 → 100 × 5 / 8 = 62.5 %, not reached.
        // All time: week m3 8 + 8 + 9 + 2 = 27 (5 logs), week m2 7 × 8 = 56 (7 logs), t−2..t 10 + 8 + 5 = 23 (4 logs)
        // → 27 + 56 + 23 = 106 in 5 + 7 + 4 = 16 logs.
        Figures.Progress(view, "day", t, current: 5, target: 8, percent: 62.5m, targetReached: false, total: 106, logCount: 16);
        // Met days: m3..m3+2 (run 3); m3+3 (2 < 8) and m3+4..m3+6 unmet; m2..m2+6 (run 7); m1 unmet (no activity);
        // t−3 unmet, t−2, t−1 met (run 2), today 5 < 8 not yet → current 2 (ends yesterday), longest 7, at risk.
        Figures.Streak(view, current: 2, longest: 7, unit: "days", atRisk: true);

        var daysList = await client.DaysAsync(goalId, t.AddDays(-3), t, version);
        Assert.Equal(4, daysList.Count);
        Figures.Day(daysList[0], t.AddDays(-3), 0, 0, false);
        Figures.Day(daysList[1], t.AddDays(-2), 10, 1, true);
        Figures.Day(daysList[2], t.AddDays(-1), 8, 1, true);
        Figures.Day(daysList[3], t, 5, 2, false);

        var weeks = await client.WeeksAsync(goalId, m3, m2, version);
        Assert.Equal(2, weeks.Count);
        // m3: 8 + 8 + 9 + 2 = 27 in 5 logs on 4 days; 3 of 7 evaluated days met → not met.
        Figures.Week(weeks[0], m3, 27, 5, activeDays: 4, daysMet: 3, met: false);
        // m2: 7 × 8 = 56 in 7 logs; every day met → met.
        Figures.Week(weeks[1], m2, 56, 7, activeDays: 7, daysMet: 7, met: true);
    }

    [Fact]
    public async Task Daily_goal_met_today_reports_the_target_reached_and_a_streak_that_is_not_at_risk()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("America/New_York");
        var t = days.Today;
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Sleep", pattern = "daily", target = 7.5m, startDate = LocalDays.Iso(t.AddDays(-2)), timezone = days.Zone,
        });
        var version = await client.LogAllAsync(goalId, days, (t.AddDays(-2), 7), (t.AddDays(-1), 7.5m), (t, 6), (t, 2.25m));

        var view = await client.GoalAtAsync(goalId, version);

        // Today 6 + 2.25 = 8.25 ≥ 7.5 → 100 × 8.25 / 7.5 = 110 %; all time 7 + 7.5 + 8.25 = 22.75 in 4 logs.
        Figures.Progress(view, "day", t, current: 8.25m, target: 7.5m, percent: 110m, targetReached: true, total: 22.75m, logCount: 4);
        // t−2: 7 < 7.5 unmet; t−1, t met → current 2, longest 2; today met → not at risk.
        Figures.Streak(view, current: 2, longest: 2, unit: "days", atRisk: false);
        var list = await client.DaysAsync(goalId, t.AddDays(-2), t, version);
        Figures.Day(list[0], t.AddDays(-2), 7, 1, false);
        Figures.Day(list[1], t.AddDays(-1), 7.5m, 1, true);
        Figures.Day(list[2], t, 8.25m, 2, true);
    }
}
