using Lifestyle.Domain.Insights;
using Lifestyle.Domain.Tests.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Insights;

/// <summary>Met rate, trend and weekdays over the 28 complete local days ending the closed day (docs/insights.md).</summary>
public sealed class InsightCalculatorTests
{
    private static readonly DateOnly AsOf = D("2026-03-28"); // a Saturday; the window is 03-01 (Sunday) .. 03-28

    [Fact]
    public void Met_rate_counts_the_met_days_of_the_28_day_window_and_nothing_before_it()
    {
        // Given a daily goal met on 02-27 (before the window) and on 7 days inside it
        var spec = Daily(2m, D("2026-02-01")).On(D("2026-02-27"), 2m);
        foreach (var day in Enumerable.Range(1, 7))
        {
            spec.On(D("2026-03-01").AddDays(day * 3), 2m);
        }

        // When the insight is computed as of 03-28
        var insight = InsightCalculator.For(spec.Projection, AsOf);

        // Then 7 of 28 days are met
        Assert.Equal((28, 7, 0.25m), (insight.Days, insight.DaysMet, insight.MetRate));
        Assert.Equal(AsOf, insight.AsOf);
    }

    [Fact]
    public void A_younger_goal_is_measured_since_its_start_date()
    {
        var spec = Daily(1m, D("2026-03-25")).On(D("2026-03-25"), 1m).On(D("2026-03-27"), 1m);

        var insight = InsightCalculator.For(spec.Projection, AsOf);

        Assert.Equal((4, 2, 0.5m), (insight.Days, insight.DaysMet, insight.MetRate));
    }

    [Fact]
    public void A_goal_that_starts_after_the_closed_day_has_no_rate_and_no_suggestion()
    {
        var insight = InsightCalculator.For(Daily(1m, D("2026-03-29")).Projection, AsOf);

        Assert.Equal((0, (decimal?)null, "steady", (Suggestion?)null), (insight.Days, insight.MetRate, insight.Trend, insight.Suggestion));
        Assert.Null(insight.BestWeekday);
    }

    [Theory]
    [InlineData(2, 10, "rising")] // 10/14 against 2/14: +57 points
    [InlineData(10, 2, "falling")]
    [InlineData(5, 7, "steady")] // +14 points: under 15
    [InlineData(4, 7, "rising")] // 7/14 − 4/14 = 21.4 points
    public void Trend_compares_the_last_14_days_with_the_14_before(int olderMet, int recentMet, string trend)
    {
        var spec = Daily(1m, D("2026-03-01"));
        foreach (var i in Enumerable.Range(0, olderMet))
        {
            spec.On(D("2026-03-01").AddDays(i), 1m);
        }

        foreach (var i in Enumerable.Range(0, recentMet))
        {
            spec.On(D("2026-03-15").AddDays(i), 1m);
        }

        Assert.Equal(trend, InsightCalculator.For(spec.Projection, AsOf).Trend);
    }

    [Fact]
    public void Best_and_worst_weekday_are_named_and_ties_go_to_the_earlier_day()
    {
        // Given every Wednesday and every Friday met, nothing else: both best at 100 %, the rest tied at 0 %
        var spec = Daily(1m, D("2026-03-01"));
        foreach (var week in Enumerable.Range(0, 4))
        {
            spec.On(D("2026-03-04").AddDays(week * 7), 1m).On(D("2026-03-06").AddDays(week * 7), 1m);
        }

        var insight = InsightCalculator.For(spec.Projection, AsOf);

        Assert.Equal(("wednesday", "monday"), (insight.BestWeekday, insight.WorstWeekday));
    }

    [Fact]
    public void Paused_days_are_left_out_of_the_window()
    {
        // Given a goal paused from 03-10 through 03-24 (resumed on 03-25), met on 03-25 .. 03-28
        var spec = Daily(1m, D("2026-03-01")).Pause(Utc(D("2026-03-10"), 6)).Resume(Utc(D("2026-03-25"), 6));
        foreach (var i in Enumerable.Range(0, 4))
        {
            spec.On(D("2026-03-25").AddDays(i), 1m);
        }

        var insight = InsightCalculator.For(spec.Projection, AsOf);

        Assert.Equal((13, 4), (insight.Days, insight.DaysMet));
    }

    [Fact]
    public void Total_and_milestones_goals_get_no_met_rate_and_no_suggestion()
    {
        foreach (var spec in new[] { Total(100m, D("2026-03-01")).On(D("2026-03-02"), 5m), Milestones(D("2026-03-01"), 10m, 20m) })
        {
            var insight = InsightCalculator.For(spec.Projection, AsOf);
            Assert.Equal(((decimal?)null, (Suggestion?)null, (string?)null), (insight.MetRate, insight.Suggestion, insight.BestWeekday));
        }
    }

    internal static ProjectionSpec EveryDay(ProjectionSpec spec, DateOnly from, int days, Func<int, decimal> value)
    {
        foreach (var i in Enumerable.Range(0, days))
        {
            if (value(i) > 0)
            {
                spec.On(from.AddDays(i), value(i));
            }
        }

        return spec;
    }
}
