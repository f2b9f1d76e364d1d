using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>
/// Limit goals: a day is met while its total stays within the limit (a day without activity is
/// met); today over the limit ends the run at once; at risk from 80% of a non-zero limit.
/// </summary>
public class LimitProgressTests
{
    private static readonly DateOnly Start = D("2026-03-01");
    private static readonly DateOnly Today = D("2026-03-10");
    private static readonly DateTimeOffset Now = T("2026-03-10T18:00:00Z");

    [Theory]
    [InlineData(3, 60, true, 10, 10, false)] // 3 < 4 = 80% of 5
    [InlineData(4, 80, true, 10, 10, true)] // 4 ≥ 4 and ≤ 5
    [InlineData(5, 100, true, 10, 10, true)] // at the limit, still within
    [InlineData(6, 120, false, 0, 9, false)] // over: run 03-01..03-09 = 9 days ended today
    public void Todays_total_against_a_limit_of_5_after_nine_days_without_activity(
        int today, int percent, bool reached, int current, int longest, bool atRisk)
    {
        // 03-01..03-09 have no activity: each is met. 03-01..03-10 is 10 days.
        var figures = Limit(5m, Start).On(Today, today).At(Now);

        Assert.Equal(new ProgressFigures("day", Today, today, 5m, percent, reached, today, 1), figures.Progress);
        Assert.Equal(new StreakFigures(current, longest, "days", atRisk), figures.Streak);
    }

    [Fact]
    public void A_day_over_the_limit_in_the_past_breaks_the_run()
    {
        var spec = Limit(5m, Start).On(D("2026-03-04"), 5m).On(D("2026-03-05"), 3m, 4m).On(Today, 1m);

        var figures = spec.At(Now);

        // 03-05: 3 + 4 = 7 > 5. Runs 03-01..03-04 (4 days) and 03-06..03-10 (5 days).
        Assert.Equal(new StreakFigures(5, 5, "days", false), figures.Streak);
        Assert.Equal(new ProgressFigures("day", Today, 1m, 5m, 20m, true, 13m, 4), figures.Progress);
    }

    [Fact]
    public void A_zero_limit_is_broken_by_any_positive_amount_and_has_no_percent()
    {
        var start = D("2026-03-08");
        var spec = Limit(0m, start).On(start, 0m).On(D("2026-03-09"), 1m).On(Today, 0m);

        var figures = spec.At(Now);

        // 03-08 met (a zero-value log), 03-09 broken by 1, today met: run of 1; percent null for a 0 target.
        Assert.Equal(new ProgressFigures("day", Today, 0m, 0m, null, true, 1m, 3), figures.Progress);
        Assert.Equal(new StreakFigures(1, 1, "days", false), figures.Streak);
        Assert.Equal(
            [new DayFigures(start, 0m, 1, true), new DayFigures(D("2026-03-09"), 1m, 1, false), new DayFigures(Today, 0m, 1, true)],
            spec.Days(start, Today));
    }

    [Fact]
    public void A_zero_limit_over_today_reads_zero_and_is_not_at_risk()
    {
        var start = D("2026-03-08");
        var spec = Limit(0m, start).On(Today, 0.5m);

        var figures = spec.At(Now);

        // 03-08 and 03-09 without activity: a run of 2 that today's 0.5 ends.
        Assert.Equal(new StreakFigures(0, 2, "days", false), figures.Streak);
        Assert.Equal(new ProgressFigures("day", Today, 0.5m, 0m, null, false, 0.5m, 1), figures.Progress);
    }

    [Fact]
    public void A_limit_goal_with_no_activity_at_all_is_met_every_day_from_the_start()
    {
        var figures = Limit(2m, Start).At(Now);

        // 03-01..03-10: 10 days, today at 0 of 2 (0 < 1.6 = 80%): not at risk.
        Assert.Equal(new StreakFigures(10, 10, "days", false), figures.Streak);
        Assert.Equal(new ProgressFigures("day", Today, 0m, 2m, 0m, true, 0m, 0), figures.Progress);
    }
}
