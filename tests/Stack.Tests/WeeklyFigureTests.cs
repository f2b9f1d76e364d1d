using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// docs/product-rules.md §4, pattern <c>weekly</c> (target = minimum per day, timesPerWeek = days per week), through
/// HTTP, with hand-computed figures. t = today in America/New_York, m0 = Monday of its ISO week,
/// mN = m0 − 7N; the only activity of the current week is today's, so no figure depends on the weekday.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class WeeklyFigureTests(StackFixture stack)
{
    [Fact]
    public async Task Weekly_goal_reports_met_days_this_week_the_week_streak_and_day_and_week_figures()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("America/New_York");
        var (t, m0, m1, m2, m3, m4) = (days.Today, days.Monday(), days.Monday(1), days.Monday(2), days.Monday(3), days.Monday(4));
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Exercise", pattern = "weekly", target = 30, timesPerWeek = 2, unit = "minutes", startDate = LocalDays.Iso(m4), timezone = days.Zone,
        });
        var version = await client.LogAllAsync(goalId, days,
            (m4, 30), (m4.AddDays(2), 45), (m4.AddDays(4), 10),
            (m3.AddDays(1), 30), (m3.AddDays(3), 20), (m3.AddDays(3), 15),
            (m2.AddDays(5), 40),
            (m1, 30), (m1.AddDays(4), 31), (m1.AddDays(6), 29),
            (t, 30));
        Assert.Equal(12, version);

        var view = await client.GoalAtAsync(goalId, version);

        // This week: only today, 30 ≥ 30 → 1 day met; progress target = timesPerWeek 2 → 100 × 1 / 2 = 50 %.
        // All time: 85 + 65 + 40 + 90 + 30 = 310 in 3 + 3 + 1 + 3 + 1 = 11 logs.
        Figures.Progress(view, "week", m0, current: 1, target: 2, percent: 50m, targetReached: false, total: 310, logCount: 11);
        // Weeks: m4 met, m3 met (run 2), m2 unmet, m1 met (run 1), m0 1 of 2 days so far → not yet met:
        // current 1 (the run ending last week), longest 2, at risk.
        Figures.Streak(view, current: 1, longest: 2, unit: "weeks", atRisk: true);

        var weeks = await client.WeeksAsync(goalId, m4, t, version);
        Assert.Equal(5, weeks.Count);
        // m4: 30 + 45 + 10 = 85, 3 logs on 3 days; Mon 30 and Wed 45 reach 30 (Fri 10 does not) → 2 ≥ 2, met.
        Figures.Week(weeks[0], m4, 85, 3, activeDays: 3, daysMet: 2, met: true);
        // m3: Tue 30, Thu 20 + 15 = 35 → 30 + 35 = 65 in 3 logs on 2 days, both reach 30 → met.
        Figures.Week(weeks[1], m3, 65, 3, activeDays: 2, daysMet: 2, met: true);
        // m2: Sat 40 → 1 day met < 2 → not met.
        Figures.Week(weeks[2], m2, 40, 1, activeDays: 1, daysMet: 1, met: false);
        // m1: Mon 30, Fri 31, Sun 29 → 90 in 3 logs on 3 days; 2 days reach 30 → met.
        Figures.Week(weeks[3], m1, 90, 3, activeDays: 3, daysMet: 2, met: true);
        // m0: today 30 → 1 day met so far → not met.
        Figures.Week(weeks[4], m0, 30, 1, activeDays: 1, daysMet: 1, met: false);

        var week = await client.DaysAsync(goalId, m1, m1.AddDays(6), version);
        Assert.Equal(7, week.Count);
        Figures.Day(week[0], m1, 30, 1, true);
        Figures.Day(week[1], m1.AddDays(1), 0, 0, false);
        Figures.Day(week[2], m1.AddDays(2), 0, 0, false);
        Figures.Day(week[3], m1.AddDays(3), 0, 0, false);
        Figures.Day(week[4], m1.AddDays(4), 31, 1, true);
        Figures.Day(week[5], m1.AddDays(5), 0, 0, false);
        Figures.Day(week[6], m1.AddDays(6), 29, 1, false);
    }

    [Fact]
    public async Task Pausing_a_weekly_goal_skips_the_current_week_so_its_streak_is_kept_and_not_at_risk()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("Asia/Tokyo");
        var (m1, m2) = (days.Monday(1), days.Monday(2));
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Swim", pattern = "weekly", target = 1, timesPerWeek = 1, startDate = LocalDays.Iso(m2), timezone = days.Zone,
        });
        var version = await client.LogAllAsync(goalId, days, (m2.AddDays(3), 1), (m1.AddDays(6), 2));

        // m2 met (1 day ≥ 1), m1 met → run 2; this week nothing yet → current 2 (ends last week), at risk.
        Figures.Streak(await client.GoalAtAsync(goalId, version), current: 2, longest: 2, unit: "weeks", atRisk: true);

        await client.SendOkAsync(HttpMethod.Post, $"/v1/goals/{goalId}/pause");
        var view = await client.GoalAtAsync(goalId, version + 1);
        // The current week is paused (paused now): skipped → the run of 2 stands, nothing at risk.
        Figures.Streak(view, current: 2, longest: 2, unit: "weeks", atRisk: false);
        // This week 0 of 1 days → 0 %; all time 1 + 2 = 3 in 2 logs.
        Figures.Progress(view, "week", days.Monday(), current: 0, target: 1, percent: 0m, targetReached: false, total: 3, logCount: 2);
    }
}
