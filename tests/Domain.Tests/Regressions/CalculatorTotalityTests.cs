using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Tests.Progress;
using Xunit;

namespace Lifestyle.Domain.Tests.Regressions;

/// <summary>Inputs that once made a calculator throw, now folded to figures.</summary>
public sealed class CalculatorTotalityTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    [Fact]
    public void A_stored_target_of_1e_minus_27_with_a_large_sum_has_a_null_percent_instead_of_overflowing()
    {
        var spec = ProjectionSpec.Total(0.000000000000000000000000001m, Start);
        spec.On(Start.AddDays(1), 1_000_000m);

        var progress = ProgressCalculator.ProgressOn(spec.Projection, Start.AddDays(2));

        Assert.Null(progress.Percent);
        Assert.True(progress.TargetReached);
        Assert.Equal(1_000_000m, progress.Current);
    }

    [Fact]
    public void A_stored_tiny_daily_target_has_a_null_percent_and_its_streak_still_evaluates()
    {
        var spec = ProjectionSpec.Daily(0.000000000000000000000000001m, Start);
        spec.On(Start, 1_000_000m);

        var figures = spec.At(ProjectionSpec.Utc(Start, 18));

        Assert.Null(figures.Progress.Percent);
        Assert.Equal(1, figures.Streak!.Current);
    }

    [Theory]
    [InlineData(GoalPattern.Daily)]
    [InlineData(GoalPattern.Weekly)]
    [InlineData(GoalPattern.Limit)]
    [InlineData(GoalPattern.Total)]
    public void Days_and_weeks_at_the_end_of_the_calendar_evaluate_without_overflow(GoalPattern pattern)
    {
        var p = Goal(pattern).Projection;
        var last = DateOnly.MaxValue;

        var days = SeriesCalculator.Days(p, last.AddDays(-6), last).ToList();
        var weeks = SeriesCalculator.Weeks(p, last.AddDays(-20), last, last).ToList();

        Assert.Equal(7, days.Count);
        Assert.Equal("9999-W52", weeks[^1].Week);
        Assert.Equal(4, weeks.Count);
    }

    [Fact]
    public void Days_and_weeks_at_the_start_of_the_calendar_evaluate_without_overflow()
    {
        var p = Goal(GoalPattern.Daily).Projection;
        var first = DateOnly.MinValue;

        var days = SeriesCalculator.Days(p, first, first.AddDays(2)).ToList();
        var weeks = SeriesCalculator.Weeks(p, first, first.AddDays(8), first.AddDays(8)).ToList();

        Assert.Equal(3, days.Count);
        Assert.Equal(2, weeks.Count);
    }

    [Fact]
    public void An_empty_range_gives_no_days_and_no_weeks()
    {
        var p = Goal(GoalPattern.Daily).Projection;

        Assert.Empty(SeriesCalculator.Days(p, Start.AddDays(1), Start));
        Assert.Empty(SeriesCalculator.Weeks(p, Start.AddDays(14), Start, Start));
    }

    private static ProjectionSpec Goal(GoalPattern pattern) => pattern switch
    {
        GoalPattern.Weekly => ProjectionSpec.Weekly(1m, 3, Start),
        GoalPattern.Limit => ProjectionSpec.Limit(2m, Start),
        GoalPattern.Total => ProjectionSpec.Total(10m, Start),
        _ => ProjectionSpec.Daily(1m, Start),
    };
}
