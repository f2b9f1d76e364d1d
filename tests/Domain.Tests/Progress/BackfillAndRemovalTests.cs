using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>Activities logged today for an earlier date, and removed activities, change that date's figures and the streak.</summary>
public class BackfillAndRemovalTests
{
    private static readonly DateOnly Start = D("2026-03-01");
    private static readonly DateOnly Today = D("2026-03-10");

    [Fact]
    public void A_backfilled_activity_for_three_days_ago_fills_that_day_and_joins_the_runs()
    {
        // 03-06 met, 03-07 missed, 03-08..03-10 met.
        var spec = Daily(1m, Start).On(D("2026-03-06"), 1m).On(D("2026-03-08"), 1m).On(D("2026-03-09"), 1m).On(Today, 1m);
        Assert.Equal(new StreakFigures(3, 3, "days", false), spec.At(Utc(Today, 18)).Streak);

        spec.Log(1m, Utc(D("2026-03-07"), 9), recordedAt: Utc(Today, 17));

        Assert.Equal(new DayFigures(D("2026-03-07"), 1m, 1, true), Assert.Single(spec.Days(D("2026-03-07"), D("2026-03-07"))));
        // 03-06..03-10 = 5 days
        Assert.Equal(new StreakFigures(5, 5, "days", false), spec.At(Utc(Today, 18)).Streak);
        // today's progress is unchanged; the all-time figures include the backfill
        Assert.Equal(new ProgressFigures("day", Today, 1m, 1m, 100m, true, 5m, 5), spec.At(Utc(Today, 18)).Progress);
    }

    [Fact]
    public void A_backfill_onto_a_day_that_was_over_the_limit_keeps_it_broken()
    {
        var spec = Limit(3m, D("2026-03-06")).On(D("2026-03-07"), 2m);
        Assert.Equal(new StreakFigures(5, 5, "days", false), spec.At(Utc(Today, 18)).Streak); // 03-06..03-10

        spec.Log(2m, Utc(D("2026-03-07"), 20), recordedAt: Utc(Today, 17));

        // 03-07: 2 + 2 = 4 > 3; runs 03-06 (1) and 03-08..03-10 (3)
        Assert.Equal(new DayFigures(D("2026-03-07"), 4m, 2, false), Assert.Single(spec.Days(D("2026-03-07"), D("2026-03-07"))));
        Assert.Equal(new StreakFigures(3, 3, "days", false), spec.At(Utc(Today, 18)).Streak);
    }

    [Fact]
    public void Removing_an_activity_takes_it_out_of_the_totals_and_flips_its_day_back()
    {
        var spec = Daily(2m, Start).On(D("2026-03-09"), 1m);
        var second = spec.Log(1.5m, Utc(D("2026-03-09"), 13));
        spec.On(Today, 2m);
        Assert.Equal(new StreakFigures(2, 2, "days", false), spec.At(Utc(Today, 18)).Streak);

        spec.Remove(second, Utc(Today, 17));
        var figures = spec.At(Utc(Today, 18));

        // 03-09: 2.5 − 1.5 = 1 < 2 not met any more; total 1 + 2 = 3 over 2 logs
        Assert.Equal(new DayFigures(D("2026-03-09"), 1m, 1, false), Assert.Single(spec.Days(D("2026-03-09"), D("2026-03-09"))));
        Assert.Equal(new ProgressFigures("day", Today, 2m, 2m, 100m, true, 3m, 2), figures.Progress);
        Assert.Equal(new StreakFigures(1, 1, "days", false), figures.Streak);
    }

    [Fact]
    public void Removing_the_only_activity_of_a_day_leaves_an_empty_day()
    {
        var spec = Daily(1m, Start);
        var only = spec.Log(1m, Utc(Today, 9));

        spec.Remove(only, Utc(Today, 10));
        var figures = spec.At(Utc(Today, 18));

        Assert.Equal(new DayFigures(Today, 0m, 0, false), Assert.Single(spec.Days(Today, Today)));
        Assert.Equal(new ProgressFigures("day", Today, 0m, 1m, 0m, false, 0m, 0), figures.Progress);
        Assert.Equal(new StreakFigures(0, 0, "days", false), figures.Streak);
    }

    [Fact]
    public void Removing_an_activity_that_put_a_limit_day_over_restores_the_run()
    {
        var spec = Limit(5m, D("2026-03-08"));
        var big = spec.Log(6m, Utc(Today, 9));
        Assert.Equal(new StreakFigures(0, 2, "days", false), spec.At(Utc(Today, 18)).Streak);

        spec.Remove(big, Utc(Today, 10));

        // 03-08..03-10 without activity: 3 days
        Assert.Equal(new StreakFigures(3, 3, "days", false), spec.At(Utc(Today, 18)).Streak);
    }
}
