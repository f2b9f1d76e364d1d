using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>
/// Weekly goals: a day counts when its total reaches the daily minimum; a week is met when at
/// least timesPerWeek days count; streaks are in ISO weeks. 2026-W10 = 03-02..03-08, W11 = 03-09..03-15.
/// </summary>
public class WeeklyProgressTests
{
    private static readonly DateOnly ThisMonday = D("2026-03-09");
    private static readonly DateTimeOffset WednesdayEvening = T("2026-03-11T18:00:00Z");

    /// <summary>30 minutes, 3 times a week; last week met (Mon, Wed, Fri), this week only Monday so far.</summary>
    private static ProjectionSpec LastWeekMetThisWeekOneDay() =>
        Weekly(30m, 3, D("2026-03-02"))
            .On(D("2026-03-02"), 30m).On(D("2026-03-04"), 45m).On(D("2026-03-06"), 20m, 10m).On(D("2026-03-07"), 10m)
            .On(ThisMonday, 30m).On(D("2026-03-10"), 20m);

    [Fact]
    public void Current_is_the_number_of_days_this_week_that_reach_the_daily_minimum()
    {
        var figures = LastWeekMetThisWeekOneDay().At(WednesdayEvening);

        // Mon 30 ≥ 30 counts, Tue 20 < 30 does not: 1 of 3 → 33.3; total 30+45+20+10+10+30+20 = 165 over 7 logs
        Assert.Equal(new ProgressFigures("week", ThisMonday, 1m, 3m, 33.3m, false, 165m, 7), figures.Progress);
    }

    [Fact]
    public void A_current_week_not_met_yet_after_a_met_week_keeps_the_run_and_is_at_risk()
    {
        var figures = LastWeekMetThisWeekOneDay().At(WednesdayEvening);

        Assert.Equal(new StreakFigures(1, 1, "weeks", true), figures.Streak);
    }

    [Fact]
    public void Meeting_the_current_week_extends_the_run_and_clears_the_risk()
    {
        var spec = LastWeekMetThisWeekOneDay();
        spec.Log(10m, Utc(D("2026-03-10"), 19));
        spec.On(D("2026-03-11"), 40m);

        var figures = spec.At(WednesdayEvening);

        // Mon 30, Tue 20 + 10 = 30, Wed 40: 3 of 3 → 100; total 165 + 50 = 215 over 9 logs
        Assert.Equal(new ProgressFigures("week", ThisMonday, 3m, 3m, 100m, true, 215m, 9), figures.Progress);
        Assert.Equal(new StreakFigures(2, 2, "weeks", false), figures.Streak);
    }

    [Fact]
    public void A_week_with_too_few_days_breaks_the_run()
    {
        // W08 (02-16..) met, W09 (02-23..) met, W10 (03-02..) only 2 days, W11 met by Wednesday.
        var spec = Weekly(1m, 3, D("2026-02-16"))
            .On(D("2026-02-16"), 1m).On(D("2026-02-17"), 1m).On(D("2026-02-18"), 1m)
            .On(D("2026-02-23"), 1m).On(D("2026-02-25"), 1m).On(D("2026-03-01"), 1m)
            .On(D("2026-03-02"), 1m).On(D("2026-03-08"), 1m)
            .On(ThisMonday, 1m).On(D("2026-03-10"), 1m).On(D("2026-03-11"), 1m);

        Assert.Equal(new StreakFigures(1, 2, "weeks", false), spec.At(WednesdayEvening).Streak);
    }

    [Fact]
    public void A_week_without_a_met_day_reads_zero_the_week_after_next()
    {
        // Met only in W10; W11 has nothing; on Wednesday of W12 the run that ended in W10 is gone.
        var spec = Weekly(1m, 1, D("2026-03-02")).On(D("2026-03-03"), 1m);

        Assert.Equal(new StreakFigures(1, 1, "weeks", true), spec.At(T("2026-03-15T12:00:00Z")).Streak);
        Assert.Equal(new StreakFigures(0, 1, "weeks", false), spec.At(T("2026-03-18T12:00:00Z")).Streak);
    }
}
