using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>
/// Activities count for their local date in the goal's zone, and "today" is the local date of the
/// read. New York is UTC−5 until 2026-03-08 02:00 local (07:00Z), UTC−4 after; Tokyo is UTC+9.
/// </summary>
public class TimeZoneTests
{
    private const string NewYork = "America/New_York";
    private const string Tokyo = "Asia/Tokyo";

    [Fact]
    public void An_activity_late_in_the_evening_in_New_York_counts_for_the_previous_utc_date()
    {
        var spec = Daily(1m, D("2026-03-01"), NewYork);
        spec.Log(1m, T("2026-03-10T03:30:00Z")); // 2026-03-09 23:30 EDT (UTC−4)

        Assert.Equal(
            [new DayFigures(D("2026-03-09"), 1m, 1, true), new DayFigures(D("2026-03-10"), 0m, 0, false)],
            spec.Days(D("2026-03-09"), D("2026-03-10")));
    }

    [Fact]
    public void Local_dates_in_New_York_follow_the_daylight_saving_change()
    {
        var spec = Daily(1m, D("2026-03-01"), NewYork);
        spec.Log(1m, T("2026-03-08T04:30:00Z")); // 2026-03-07 23:30 EST (UTC−5)
        spec.Log(2m, T("2026-03-09T04:30:00Z")); // 2026-03-09 00:30 EDT (UTC−4); under UTC−5 it would be 03-08

        Assert.Equal(
            [new DayFigures(D("2026-03-07"), 1m, 1, true), new DayFigures(D("2026-03-08"), 0m, 0, false), new DayFigures(D("2026-03-09"), 2m, 1, true)],
            spec.Days(D("2026-03-07"), D("2026-03-09")));
    }

    [Fact]
    public void Today_is_the_local_date_of_the_read_in_New_York()
    {
        var spec = Daily(1m, D("2026-03-01"), NewYork);
        spec.Log(1m, T("2026-03-10T03:30:00Z")); // 03-09 23:30 EDT

        var sameEvening = spec.At(T("2026-03-10T03:45:00Z")); // 03-09 23:45 EDT
        var nextMorning = spec.At(T("2026-03-10T12:00:00Z")); // 03-10 08:00 EDT

        Assert.Equal(D("2026-03-09"), sameEvening.Today);
        Assert.Equal(new ProgressFigures("day", D("2026-03-09"), 1m, 1m, 100m, true, 1m, 1), sameEvening.Progress);
        Assert.Equal(new StreakFigures(1, 1, "days", false), sameEvening.Streak);
        Assert.Equal(D("2026-03-10"), nextMorning.Today);
        Assert.Equal(new ProgressFigures("day", D("2026-03-10"), 0m, 1m, 0m, false, 1m, 1), nextMorning.Progress);
        Assert.Equal(new StreakFigures(1, 1, "days", true), nextMorning.Streak);
    }

    [Fact]
    public void An_activity_in_the_utc_afternoon_counts_for_the_next_date_in_Tokyo()
    {
        var spec = Daily(2m, D("2026-03-01"), Tokyo);
        spec.Log(2m, T("2026-03-09T15:30:00Z")); // 2026-03-10 00:30 JST

        var figures = spec.At(T("2026-03-09T15:45:00Z")); // 2026-03-10 00:45 JST

        Assert.Equal(D("2026-03-10"), figures.Today);
        Assert.Equal(new ProgressFigures("day", D("2026-03-10"), 2m, 2m, 100m, true, 2m, 1), figures.Progress);
        Assert.Equal(new StreakFigures(1, 1, "days", false), figures.Streak);
        Assert.Equal(
            [new DayFigures(D("2026-03-09"), 0m, 0, false), new DayFigures(D("2026-03-10"), 2m, 1, true)],
            spec.Days(D("2026-03-09"), D("2026-03-10")));
    }

    [Fact]
    public void A_week_in_Tokyo_starts_on_the_local_monday()
    {
        // 2026-03-08T15:30Z is Monday 2026-03-09 00:30 JST: the first day of 2026-W11, not the last of W10.
        var spec = Weekly(1m, 1, D("2026-03-02"), Tokyo);
        spec.Log(1m, T("2026-03-08T15:30:00Z"));

        var figures = spec.At(T("2026-03-09T03:00:00Z")); // Monday 12:00 JST

        Assert.Equal(new ProgressFigures("week", D("2026-03-09"), 1m, 1m, 100m, true, 1m, 1), figures.Progress);
        // W10 had no met day: the run is this week only.
        Assert.Equal(new StreakFigures(1, 1, "weeks", false), figures.Streak);
    }
}
