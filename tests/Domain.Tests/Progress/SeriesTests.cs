using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>
/// The /days and /weeks series. 2026 starts on a Thursday, so it has 53 ISO weeks:
/// 2026-W52 = 12-21..12-27, 2026-W53 = 12-28..2027-01-03, 2027-W01 starts Monday 2027-01-04.
/// </summary>
public class SeriesTests
{
    private static readonly DateOnly Thursday = D("2027-01-07");

    /// <summary>10 a day at least, twice a week, from Monday 2026-12-21.</summary>
    private static ProjectionSpec AcrossTheYearEnd() =>
        Weekly(10m, 2, D("2026-12-21"))
            .On(D("2026-12-21"), 10m).On(D("2026-12-23"), 15m).On(D("2026-12-26"), 5m)
            .On(D("2026-12-31"), 10m).On(D("2027-01-01"), 4m, 6m).On(D("2027-01-03"), 3m)
            .On(D("2027-01-05"), 12m);

    [Fact]
    public void Weeks_are_labelled_with_the_iso_week_year_across_the_year_end()
    {
        var weeks = AcrossTheYearEnd().Weeks(D("2026-12-21"), Thursday, Thursday);

        Assert.Equal(
            [
                // 10 + 15 + 5 = 30 in 3 logs on 3 days; 12-21 and 12-23 reach 10: met (2 ≥ 2)
                new WeekFigures("2026-W52", 30m, 3, 3, 2, true),
                // 10 + 4 + 6 + 3 = 23 in 4 logs on 3 days; 12-31 and 01-01 (4 + 6) reach 10: met
                new WeekFigures("2026-W53", 23m, 4, 3, 2, true),
                // in progress on Thursday: only 01-05 reaches 10
                new WeekFigures("2027-W01", 12m, 1, 1, 1, false),
            ],
            weeks);
    }

    [Fact]
    public void A_weekly_streak_runs_across_the_year_end()
    {
        var figures = AcrossTheYearEnd().At(Utc(Thursday, 12));

        // total 30 + 23 + 12 = 65 in 3 + 4 + 1 = 8 logs; this week 1 of 2 days → 50
        Assert.Equal(new ProgressFigures("week", D("2027-01-04"), 1m, 2m, 50m, false, 65m, 8), figures.Progress);
        Assert.Equal(new StreakFigures(2, 2, "weeks", true), figures.Streak);
    }

    [Fact]
    public void Weeks_are_listed_from_the_week_holding_from_to_the_week_holding_to()
    {
        // From a Wednesday in W53 to the Monday of W01.
        var weeks = AcrossTheYearEnd().Weeks(D("2026-12-30"), D("2027-01-04"), Thursday);

        Assert.Equal(["2026-W53", "2027-W01"], weeks.Select(w => w.Week));
    }

    [Fact]
    public void Days_without_activity_are_listed_with_zero_total_and_no_logs()
    {
        var spec = Daily(2m, D("2026-03-01")).On(D("2026-03-09"), 0.5m, 1.5m);

        Assert.Equal(
            [
                new DayFigures(D("2026-03-08"), 0m, 0, false),
                new DayFigures(D("2026-03-09"), 2m, 2, true),
                new DayFigures(D("2026-03-10"), 0m, 0, false),
            ],
            spec.Days(D("2026-03-08"), D("2026-03-10")));
    }

    [Theory]
    [InlineData(GoalPattern.Daily, false)]
    [InlineData(GoalPattern.Limit, true)]
    [InlineData(GoalPattern.Total, null)]
    [InlineData(GoalPattern.Milestones, null)]
    public void A_day_without_activity_is_met_only_for_limits_and_has_no_met_without_a_daily_target(GoalPattern pattern, bool? met)
    {
        var definition = pattern == GoalPattern.Milestones ? Definition(5m) with { Milestones = [5m] } : Definition(5m);
        var spec = Goal(pattern, definition, D("2026-03-01"));

        Assert.Equal([new DayFigures(D("2026-03-05"), 0m, 0, met)], spec.Days(D("2026-03-05"), D("2026-03-05")));
    }

    [Fact]
    public void Weeks_of_a_total_goal_have_totals_but_no_met()
    {
        var spec = Total(100m, D("2026-12-21")).On(D("2026-12-28"), 7m).On(D("2027-01-03"), 8m);

        // 2026-W53 holds both: 7 + 8 = 15
        Assert.Equal(
            [new WeekFigures("2026-W52", 0m, 0, 0, 0, null), new WeekFigures("2026-W53", 15m, 2, 2, 0, null)],
            spec.Weeks(D("2026-12-21"), D("2027-01-03"), Thursday));
    }
}
