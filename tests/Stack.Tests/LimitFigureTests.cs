using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// docs/product-rules.md §4, pattern <c>limit</c> (target = maximum per day; a day without activity is met), through
/// HTTP, with hand-computed figures. t = today, m0 = Monday of its ISO week, mN = m0 − 7N.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class LimitFigureTests(StackFixture stack)
{
    [Fact]
    public async Task Limit_goal_reports_todays_total_against_the_limit_the_streak_at_risk_and_day_and_week_figures()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("America/New_York");
        var (t, m3, m2) = (days.Today, days.Monday(3), days.Monday(2));
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Coffee", pattern = "limit", target = 5, unit = "cups", startDate = LocalDays.Iso(m3), timezone = days.Zone,
        });
        var version = await client.LogAllAsync(goalId, days,
            (m3.AddDays(1), 6), (m3.AddDays(3), 0), (m2.AddDays(2), 3), (m2.AddDays(5), 5), (t.AddDays(-3), 7), (t.AddDays(-1), 2), (t, 4));
        Assert.Equal(8, version);

        var view = await client.GoalAtAsync(goalId, version);

        // Today 4 ≤ 5 → reached; 100 × 4 / 5 = 80 %. All time 6 + 0 + 3 + 5 + 7 + 2 + 4 = 27 in 7 logs.
        Figures.Progress(view, "day", t, current: 4, target: 5, percent: 80m, targetReached: true, total: 27, logCount: 7);
        // Over the limit: m3+1 (6) and t−3 (7) only. Runs: m3 (1); m3+2 through t−4 (every day ≤ 5, empty days
        // included); t−2, t−1, t (3) → current 3. The long run is (t−4) − (m3+2) + 1 = 16..22 days, by weekday.
        // At risk: today 4 ≥ 80 % of 5 = 4 and ≤ 5.
        var longest = t.AddDays(-4).DayNumber - m3.AddDays(2).DayNumber + 1;
        Figures.Streak(view, current: 3, longest: longest, unit: "days", atRisk: true);

        var list = await client.DaysAsync(goalId, t.AddDays(-3), t, version);
        Assert.Equal(4, list.Count);
        Figures.Day(list[0], t.AddDays(-3), 7, 1, false);
        Figures.Day(list[1], t.AddDays(-2), 0, 0, true);
        Figures.Day(list[2], t.AddDays(-1), 2, 1, true);
        Figures.Day(list[3], t, 4, 1, true);
        // A logged 0 is an active day with a log, and within the limit.
        Figures.Day((await client.DaysAsync(goalId, m3.AddDays(3), m3.AddDays(3), version))[0], m3.AddDays(3), 0, 1, true);

        var weeks = await client.WeeksAsync(goalId, m3, m2, version);
        Assert.Equal(2, weeks.Count);
        // m3: Tue 6 + Thu 0 = 6 in 2 logs on 2 active days; 6 of 7 days within the limit (not Tue) → not met.
        Figures.Week(weeks[0], m3, 6, 2, activeDays: 2, daysMet: 6, met: false);
        // m2: Wed 3 + Sat 5 = 8 in 2 logs on 2 days; all 7 days within → met.
        Figures.Week(weeks[1], m2, 8, 2, activeDays: 2, daysMet: 7, met: true);
    }

    [Fact]
    public async Task Limit_of_zero_has_no_percent_and_is_never_at_risk()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var days = new LocalDays("Asia/Tokyo");
        var t = days.Today;
        var goalId = await client.CreateGoalAsync(new
        {
            title = "No sugar", pattern = "limit", target = 0, startDate = LocalDays.Iso(t.AddDays(-2)), timezone = days.Zone,
        });
        var version = await client.LogAllAsync(goalId, days, (t.AddDays(-1), 1), (t, 0));

        var view = await client.GoalAtAsync(goalId, version);

        // Today 0 ≤ 0 → reached; the progress target is 0 → percent null. All time 1 + 0 = 1 in 2 logs.
        Figures.Progress(view, "day", t, current: 0, target: 0, percent: null, targetReached: true, total: 1, logCount: 2);
        // t−2 (empty) met, t−1 (1 > 0) over, today met → current 1, longest 1; a zero limit is never "at risk".
        Figures.Streak(view, current: 1, longest: 1, unit: "days", atRisk: false);
        var list = await client.DaysAsync(goalId, t.AddDays(-2), t, version);
        Figures.Day(list[0], t.AddDays(-2), 0, 0, true);
        Figures.Day(list[1], t.AddDays(-1), 1, 1, false);
        Figures.Day(list[2], t, 0, 1, true);
    }
}
