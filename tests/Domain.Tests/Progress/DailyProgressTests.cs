using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>Daily goals: today's total against the target; all-time total and log count; a streak in days.</summary>
public class DailyProgressTests
{
    private static readonly DateOnly Start = D("2026-03-01");
    private static readonly DateOnly Today = D("2026-03-10");
    private static readonly DateTimeOffset Now = T("2026-03-10T18:00:00Z");

    [Fact]
    public void Progress_is_todays_total_against_the_target_and_totals_are_all_time_without_removed_activities()
    {
        var spec = Daily(8m, Start);
        var removed = spec.Log(5m, Utc(D("2026-03-08"), 9));
        spec.On(D("2026-03-09"), 8m).On(Today, 1m, 2m).Remove(removed, Utc(Today, 17));

        var figures = spec.At(Now);

        Assert.Equal(Today, figures.Today);
        // current 1 + 2 = 3; 100 × 3 / 8 = 37.5; total 8 + 3 = 11 over 3 logs (the removed 5 not counted)
        Assert.Equal(new ProgressFigures("day", Today, 3m, 8m, 37.5m, false, 11m, 3), figures.Progress);
        // today 3 < 8 not met yet; yesterday met; 03-08 has nothing left
        Assert.Equal(new StreakFigures(1, 1, "days", true), figures.Streak);
    }

    [Theory]
    [InlineData("3", "1", "33.3", false)] // 33.33…
    [InlineData("3", "2", "66.7", false)] // 66.66…
    [InlineData("8", "3", "37.5", false)]
    [InlineData("8", "8", "100", true)]
    [InlineData("8", "12", "150", true)] // not capped
    [InlineData("16", "1", "6.3", false)] // 6.25, half away from zero
    [InlineData("0.3", "0.1", "33.3", false)]
    public void Percent_is_rounded_to_one_decimal(string target, string today, string percent, bool reached)
    {
        var spec = Daily(Dec(target), Start).On(Today, Dec(today));

        var progress = spec.At(Now).Progress;

        Assert.Equal(Dec(percent), progress.Percent);
        Assert.Equal(reached, progress.TargetReached);
        Assert.Equal(Dec(today), progress.Current);
    }

    [Fact]
    public void Several_activities_on_one_day_add_up_to_meet_it()
    {
        var spec = Daily(1m, Start).On(Today, 0.25m, 0.25m, 0.5m);

        var figures = spec.At(Now);

        Assert.Equal(new ProgressFigures("day", Today, 1m, 1m, 100m, true, 1m, 3), figures.Progress);
        Assert.Equal(new StreakFigures(1, 1, "days", false), figures.Streak);
    }

    [Fact]
    public void A_new_goal_without_activity_has_zero_progress_and_no_streak()
    {
        var figures = Daily(8m, Today).At(Now);

        Assert.Equal(new ProgressFigures("day", Today, 0m, 8m, 0m, false, 0m, 0), figures.Progress);
        Assert.Equal(new StreakFigures(0, 0, "days", false), figures.Streak);
    }

    private static decimal Dec(string s) => decimal.Parse(s, Culture.Invariant);
}
