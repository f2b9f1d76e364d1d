using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>
/// Daily streaks: the run ending today if today is met, else ending yesterday if yesterday was
/// met, else 0; the longest run ever; at risk while a run is alive and today is not met yet.
/// </summary>
public class DailyStreakTests
{
    private static readonly DateOnly Start = D("2026-03-01");

    [Fact]
    public void A_run_that_includes_today_counts_today()
    {
        // 03-05 met, 03-06 missed, 03-07..03-10 met (today in two halves).
        var spec = Daily(1m, Start)
            .On(D("2026-03-05"), 1m).On(D("2026-03-06"), 0.5m)
            .On(D("2026-03-07"), 2m).On(D("2026-03-08"), 1m).On(D("2026-03-09"), 1m).On(D("2026-03-10"), 0.5m, 0.5m);

        Assert.Equal(new StreakFigures(4, 4, "days", false), spec.At(T("2026-03-10T20:00:00Z")).Streak);
    }

    [Fact]
    public void Today_not_met_yet_keeps_the_run_ending_yesterday_and_is_at_risk()
    {
        // 03-02..03-04 met (3), 03-05..03-07 missed, 03-08..03-09 met (2), today nothing yet.
        var spec = Daily(1m, Start)
            .On(D("2026-03-02"), 1m).On(D("2026-03-03"), 1m).On(D("2026-03-04"), 1m)
            .On(D("2026-03-08"), 1m).On(D("2026-03-09"), 1m);

        Assert.Equal(new StreakFigures(2, 3, "days", true), spec.At(T("2026-03-10T08:00:00Z")).Streak);
    }

    [Fact]
    public void A_run_whose_last_met_day_was_three_days_ago_reads_zero_without_any_new_event()
    {
        var spec = Daily(1m, Start).On(D("2026-03-06"), 1m).On(D("2026-03-07"), 1m);

        // The same projection, read at later moments.
        Assert.Equal(new StreakFigures(2, 2, "days", false), spec.At(T("2026-03-07T20:00:00Z")).Streak);
        Assert.Equal(new StreakFigures(2, 2, "days", true), spec.At(T("2026-03-08T12:00:00Z")).Streak);
        Assert.Equal(new StreakFigures(0, 2, "days", false), spec.At(T("2026-03-09T12:00:00Z")).Streak);
        Assert.Equal(new StreakFigures(0, 2, "days", false), spec.At(T("2026-03-10T12:00:00Z")).Streak);
    }

    [Fact]
    public void A_day_short_of_the_target_does_not_count()
    {
        // 7.99 < 8 on 03-09; 03-10 met.
        var spec = Daily(8m, Start).On(D("2026-03-08"), 8m).On(D("2026-03-09"), 4m, 3.99m).On(D("2026-03-10"), 8m);

        Assert.Equal(new StreakFigures(1, 1, "days", false), spec.At(T("2026-03-10T20:00:00Z")).Streak);
    }

    [Fact]
    public void Longest_counts_the_longest_run_ever_even_when_it_is_not_the_current_one()
    {
        // 03-01..03-05 met (5), 03-06 missed, 03-07..03-08 met (2), 03-09 missed, today met (1).
        var spec = Daily(1m, Start);
        foreach (var day in new[] { 1, 2, 3, 4, 5, 7, 8, 10 })
        {
            spec.On(new DateOnly(2026, 3, day), 1m);
        }

        Assert.Equal(new StreakFigures(1, 5, "days", false), spec.At(T("2026-03-10T20:00:00Z")).Streak);
    }

    [Fact]
    public void Days_before_the_start_date_are_not_counted()
    {
        // Started today: yesterday (before the start) cannot carry a run.
        var spec = Daily(1m, D("2026-03-10"));

        Assert.Equal(new StreakFigures(0, 0, "days", false), spec.At(T("2026-03-10T20:00:00Z")).Streak);
        Assert.Equal(new StreakFigures(1, 1, "days", false), spec.On(D("2026-03-10"), 1m).At(T("2026-03-10T20:00:00Z")).Streak);
    }
}
