using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>
/// A PATCH takes effect from the local date it is recorded on: earlier days keep the old
/// definition; a week is evaluated with the definition in effect on its last day (today for the
/// current week).
/// </summary>
public class DefinitionChangeTests
{
    private static readonly DateOnly Start = D("2026-03-01");
    private static readonly DateOnly Today = D("2026-03-10");

    [Fact]
    public void Days_before_the_change_keep_the_old_target_and_the_day_of_the_change_uses_the_new_one()
    {
        // Target 5, lowered to 3 at 10:00 on 03-09; the 03-09 activity was logged at 08:00, before the change.
        var spec = Daily(5m, Start).On(D("2026-03-07"), 3m).On(D("2026-03-08"), 5m);
        spec.Log(3m, Utc(D("2026-03-09"), 8));
        spec.Change(Utc(D("2026-03-09"), 10), d => d with { Target = 3m }).On(Today, 4m);

        Assert.Equal(
            [
                new DayFigures(D("2026-03-07"), 3m, 1, false), // 3 < 5
                new DayFigures(D("2026-03-08"), 5m, 1, true), // 5 ≥ 5
                new DayFigures(D("2026-03-09"), 3m, 1, true), // 3 ≥ 3
                new DayFigures(Today, 4m, 1, true),
            ],
            spec.Days(D("2026-03-07"), Today));
        var figures = spec.At(Utc(Today, 18));
        // 4 of 3 → 133.3; total 3 + 5 + 3 + 4 = 15
        Assert.Equal(new ProgressFigures("day", Today, 4m, 3m, 133.3m, true, 15m, 4), figures.Progress);
        Assert.Equal(new StreakFigures(3, 3, "days", false), figures.Streak);
    }

    [Fact]
    public void Raising_the_target_today_applies_to_today_only()
    {
        var spec = Daily(2m, Start).On(D("2026-03-09"), 2m).On(Today, 2m).Change(Utc(Today, 15), d => d with { Target = 4m });

        var figures = spec.At(Utc(Today, 18));

        // Yesterday 2 ≥ 2 still met; today 2 < 4 not met yet: 2 of 4 → 50
        Assert.Equal(new ProgressFigures("day", Today, 2m, 4m, 50m, false, 4m, 2), figures.Progress);
        Assert.Equal(new StreakFigures(1, 1, "days", true), figures.Streak);
    }

    [Fact]
    public void A_limit_tightened_today_judges_today_by_the_new_limit()
    {
        var spec = Limit(5m, D("2026-03-08")).On(D("2026-03-09"), 4m).On(Today, 4m).Change(Utc(Today, 15), d => d with { Target = 3m });

        var figures = spec.At(Utc(Today, 18));

        // 03-08 and 03-09 (4 ≤ 5) met; today 4 > 3 over: current 0. 4 of 3 → 133.3
        Assert.Equal(new StreakFigures(0, 2, "days", false), figures.Streak);
        Assert.Equal(new ProgressFigures("day", Today, 4m, 3m, 133.3m, false, 8m, 2), figures.Progress);
    }

    [Fact]
    public void The_current_week_uses_todays_times_per_week_and_earlier_weeks_their_own()
    {
        // 10 a day, 3 times a week. W10 (03-02..03-08): 2 days. W11: Mon and Tue; on Wed 2 times a week.
        var spec = Weekly(10m, 3, D("2026-03-02"))
            .On(D("2026-03-02"), 10m).On(D("2026-03-03"), 10m)
            .On(D("2026-03-09"), 10m).On(Today, 10m)
            .Change(Utc(D("2026-03-11"), 8), d => d with { TimesPerWeek = 2 });
        var wednesday = D("2026-03-11");

        var figures = spec.At(Utc(wednesday, 12));

        Assert.Equal(new ProgressFigures("week", D("2026-03-09"), 2m, 2m, 100m, true, 40m, 4), figures.Progress);
        // W10: 2 < 3 not met under its own definition; W11: 2 ≥ 2 met
        Assert.Equal(new StreakFigures(1, 1, "weeks", false), figures.Streak);
        Assert.Equal(
            [new WeekFigures("2026-W10", 20m, 2, 2, 2, false), new WeekFigures("2026-W11", 20m, 2, 2, 2, true)],
            spec.Weeks(D("2026-03-02"), wednesday, wednesday));
    }

    [Fact]
    public void The_current_week_counts_its_earlier_days_against_todays_daily_minimum()
    {
        // Once a week, 10 a day; Monday 15; on Wednesday the minimum is raised to 20.
        var spec = Weekly(10m, 1, D("2026-03-02")).On(D("2026-03-09"), 15m).Change(Utc(D("2026-03-11"), 8), d => d with { Target = 20m });
        var wednesday = D("2026-03-11");

        var figures = spec.At(Utc(wednesday, 12));

        // 15 < 20: no day of this week counts any more; 0 of 1 → 0
        Assert.Equal(new ProgressFigures("week", D("2026-03-09"), 0m, 1m, 0m, false, 15m, 1), figures.Progress);
        Assert.Equal(new StreakFigures(0, 0, "weeks", false), figures.Streak);
        Assert.Equal([new WeekFigures("2026-W11", 15m, 1, 1, 0, false)], spec.Weeks(wednesday, wednesday, wednesday));
        // Monday itself keeps the minimum in effect on it: 15 ≥ 10
        Assert.Equal([new DayFigures(D("2026-03-09"), 15m, 1, true)], spec.Days(D("2026-03-09"), D("2026-03-09")));
    }

    [Fact]
    public void A_past_week_is_evaluated_with_the_definition_in_effect_on_its_sunday()
    {
        // 10 a day, 3 times a week; W10 (03-02..03-08) has Mon 10 and Tue 12; on Thu 03-05 the minimum
        // becomes 12 and the times 1. W10 is judged by 12 / 1: only Tue counts, 1 ≥ 1, met.
        var spec = Weekly(10m, 3, D("2026-03-02")).On(D("2026-03-02"), 10m).On(D("2026-03-03"), 12m)
            .Change(Utc(D("2026-03-05"), 9), d => d with { Target = 12m, TimesPerWeek = 1 });

        Assert.Equal([new WeekFigures("2026-W10", 22m, 2, 2, 1, true)], spec.Weeks(D("2026-03-02"), D("2026-03-08"), Today));
        // W10 met; W11 (Tuesday) nothing yet: the run of 1 is at risk.
        Assert.Equal(new StreakFigures(1, 1, "weeks", true), spec.At(Utc(Today, 12)).Streak);
        // Each day keeps its own definition: Mon 10 ≥ 10 and Tue 12 ≥ 10 were both met on their day.
        Assert.Equal(
            [new DayFigures(D("2026-03-02"), 10m, 1, true), new DayFigures(D("2026-03-03"), 12m, 1, true)],
            spec.Days(D("2026-03-02"), D("2026-03-03")));
    }
}
