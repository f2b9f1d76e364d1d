using Lifestyle.Domain.Insights;
using Xunit;
using static Lifestyle.Domain.Tests.Insights.InsightCalculatorTests;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Insights;

/// <summary>The four suggestion kinds, their thresholds and proposed targets (docs/insights.md).</summary>
public sealed class SuggestionTests
{
    private static readonly DateOnly Start = D("2026-03-01");
    private static readonly DateOnly AsOf = D("2026-03-28");

    private static Suggestion? Suggest(Progress.ProjectionSpec spec) => InsightCalculator.For(spec.Projection, AsOf).Suggestion;

    [Fact]
    public void Under_30_percent_over_at_least_14_days_proposes_the_median_active_day_as_a_lower_target()
    {
        // Given 8 glasses a day, met on 2 of 28 days, the 10 active days' totals 3,3,3,4,4,4,4,5,8,8 (median 4)
        decimal[] totals = [3, 3, 3, 4, 4, 4, 4, 5, 8, 8];
        var spec = EveryDay(Daily(8m, Start), Start, totals.Length, i => totals[i]);

        Assert.Equal(new Suggestion("lower-target", 4m, "Met on 2 of 28 days; your median day with activity is 4 units."), Suggest(spec));
    }

    [Fact]
    public void A_fractional_log_makes_the_step_a_tenth()
    {
        decimal[] totals = [2.5m, 3.25m, 3.3m, 1m];
        var spec = EveryDay(Daily(8m, Start), Start, totals.Length, i => totals[i]);

        Assert.Equal(("lower-target", 2.9m), (Suggest(spec)!.Kind, Suggest(spec)!.ProposedTarget)); // median 2.875 → 2.9
    }

    [Fact]
    public void A_lower_target_is_at_least_one_step()
    {
        var spec = EveryDay(Daily(8m, Start), Start, 3, _ => 0.01m);

        Assert.Equal(0.1m, Suggest(spec)!.ProposedTarget);
    }

    [Fact]
    public void Under_30_percent_over_fewer_than_14_days_is_too_early_to_lower()
    {
        var spec = EveryDay(Daily(8m, D("2026-03-16")), D("2026-03-16"), 13, _ => 1m);

        Assert.Equal("keep-going", Suggest(spec)!.Kind);
    }

    [Fact]
    public void At_least_90_percent_with_a_median_of_at_least_125_percent_of_the_target_proposes_the_median()
    {
        var spec = EveryDay(Daily(8m, Start), Start, 28, i => i < 26 ? 10m : 0m);

        Assert.Equal(("raise-target", 10m), (Suggest(spec)!.Kind, Suggest(spec)!.ProposedTarget));
    }

    [Fact]
    public void A_median_under_125_percent_of_the_target_keeps_going()
    {
        var spec = EveryDay(Daily(8m, Start), Start, 28, _ => 9m);

        Assert.Equal("keep-going", Suggest(spec)!.Kind);
    }

    [Fact]
    public void A_daily_goal_met_on_3_to_5_days_of_each_of_the_last_4_weeks_is_offered_a_weekly_goal()
    {
        int[] perWeek = [3, 5, 4, 3];
        var spec = EveryDay(Daily(1m, Start), Start, 28, i => i % 7 < perWeek[i / 7] ? 1m : 0m);

        Assert.Equal(new Suggestion("switch-to-weekly", null, "Met on 3 to 5 days in each of the last 4 weeks: a weekly goal fits that rhythm."),
            Suggest(spec));
    }

    [Fact]
    public void A_week_with_6_met_days_is_not_a_weekly_rhythm()
    {
        int[] perWeek = [3, 6, 4, 3];
        var spec = EveryDay(Daily(1m, Start), Start, 28, i => i % 7 < perWeek[i / 7] ? 1m : 0m);

        Assert.Equal("keep-going", Suggest(spec)!.Kind);
    }

    [Fact]
    public void Weekly_goals_use_the_per_day_minimum()
    {
        var spec = EveryDay(Weekly(30m, 3, Start), Start, 28, i => i % 7 == 0 ? 15m : 0m);

        Assert.Equal(("lower-target", 15m), (Suggest(spec)!.Kind, Suggest(spec)!.ProposedTarget));
    }

    [Fact]
    public void A_limit_exceeded_on_more_than_70_percent_of_days_proposes_a_higher_limit_at_the_median()
    {
        var spec = EveryDay(Limit(2m, Start), Start, 28, i => i < 21 ? 4m : 1m); // over on 21 of 28 = 75 %

        Assert.Equal(("raise-target", 4m), (Suggest(spec)!.Kind, Suggest(spec)!.ProposedTarget));
    }

    [Fact]
    public void A_limit_kept_on_90_percent_with_the_median_at_most_80_percent_of_it_proposes_a_lower_limit()
    {
        var spec = EveryDay(Limit(10m, Start), Start, 28, i => i < 2 ? 12m : 5m);

        Assert.Equal(("lower-target", 5m), (Suggest(spec)!.Kind, Suggest(spec)!.ProposedTarget));
    }

    [Fact]
    public void A_limit_over_on_70_percent_exactly_keeps_going()
    {
        var spec = EveryDay(Limit(2m, D("2026-03-09")), D("2026-03-09"), 20, i => i < 14 ? 4m : 1m);

        Assert.Equal("keep-going", Suggest(spec)!.Kind);
    }
}
