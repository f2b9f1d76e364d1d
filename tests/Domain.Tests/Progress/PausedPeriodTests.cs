using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>
/// A period is paused when the goal was paused at the end of its (last) local day, or, for the
/// current period, is paused now. Paused periods neither extend nor break a run.
/// </summary>
public class PausedPeriodTests
{
    private static readonly DateOnly Start = D("2026-03-01");
    private static readonly DateOnly Mon = D("2026-03-09");
    private static readonly DateOnly Tue = D("2026-03-10");
    private static readonly DateOnly Wed = D("2026-03-11");

    [Fact]
    public void A_day_paused_at_its_end_does_not_break_the_run_across_it()
    {
        var spec = Daily(1m, Start).On(Mon, 1m).Pause(Utc(Tue, 20)).Resume(Utc(Wed, 8)).On(Wed, 1m);

        // Mon met, Tue skipped, Wed met.
        Assert.Equal(new StreakFigures(2, 2, "days", false), spec.At(Utc(Wed, 18)).Streak);
    }

    [Fact]
    public void A_day_paused_at_its_end_does_not_extend_a_run_even_when_it_was_met()
    {
        var spec = Daily(1m, Start).On(Mon, 1m).On(Tue, 1m).Pause(Utc(Tue, 20)).Resume(Utc(Wed, 8)).On(Wed, 1m);

        // Tue was met before the pause but is skipped: Mon + Wed = 2, not 3.
        Assert.Equal(new StreakFigures(2, 2, "days", false), spec.At(Utc(Wed, 18)).Streak);
    }

    [Fact]
    public void A_pause_lifted_the_same_day_does_not_skip_the_day()
    {
        var spec = Daily(1m, Start).On(Mon, 1m).Pause(Utc(Tue, 9)).Resume(Utc(Tue, 22)).On(Wed, 1m);

        // Not paused at the end of Tue: Tue counts, unmet, and breaks the run.
        Assert.Equal(new StreakFigures(1, 1, "days", false), spec.At(Utc(Wed, 18)).Streak);
    }

    [Fact]
    public void Being_paused_now_skips_today_so_the_run_is_not_at_risk()
    {
        var spec = Daily(1m, Start).On(D("2026-03-08"), 1m).On(Mon, 1m).Pause(Utc(Tue, 8));

        Assert.Equal(new StreakFigures(2, 2, "days", false), spec.At(Utc(Tue, 18)).Streak);
    }

    [Fact]
    public void Every_day_of_a_pause_that_lasts_until_now_is_skipped()
    {
        // Paused since Mon morning; on Wed the run 03-07..03-08 still stands.
        var spec = Daily(1m, Start).On(D("2026-03-07"), 1m).On(D("2026-03-08"), 1m).Pause(Utc(Mon, 8));

        Assert.Equal(new StreakFigures(2, 2, "days", false), spec.At(Utc(Wed, 18)).Streak);
    }

    [Fact]
    public void A_limit_day_paused_at_its_end_is_skipped_even_when_over_the_limit()
    {
        var spec = Limit(2m, D("2026-03-08")).On(Mon, 3m).Pause(Utc(Mon, 20)).Resume(Utc(Tue, 8));

        // 03-08 met, Mon (3 > 2) skipped, Tue met without activity.
        Assert.Equal(new StreakFigures(2, 2, "days", false), spec.At(Utc(Tue, 18)).Streak);
    }

    [Fact]
    public void A_week_paused_at_the_end_of_its_last_day_neither_extends_nor_breaks_a_run()
    {
        // Once a week from W09 (02-23..03-01). W10 (03-02..03-08) met on Monday, then paused until W11.
        var spec = Weekly(1m, 1, D("2026-02-23")).On(D("2026-02-25"), 1m)
            .On(D("2026-03-02"), 1m).Pause(Utc(D("2026-03-03"), 10)).Resume(Utc(Mon, 8))
            .On(Tue, 1m);

        // W09 met, W10 skipped, W11 met: 2, not 3.
        Assert.Equal(new StreakFigures(2, 2, "weeks", false), spec.At(Utc(Wed, 12)).Streak);
    }

    [Fact]
    public void A_week_resumed_before_its_last_day_ends_is_evaluated()
    {
        // Paused 03-03, resumed Sunday 03-08: W10 is not paused at its end and has no met day.
        var spec = Weekly(1m, 1, D("2026-02-23")).On(D("2026-02-25"), 1m)
            .Pause(Utc(D("2026-03-03"), 10)).Resume(Utc(D("2026-03-08"), 10))
            .On(Tue, 1m);

        Assert.Equal(new StreakFigures(1, 1, "weeks", false), spec.At(Utc(Wed, 12)).Streak);
    }

    [Fact]
    public void A_current_week_paused_now_is_skipped_and_not_at_risk()
    {
        var spec = Weekly(1m, 1, D("2026-02-23")).On(D("2026-02-25"), 1m).On(D("2026-03-04"), 1m).Pause(Utc(Mon, 8));

        // W09 and W10 met; W11 is paused now.
        Assert.Equal(new StreakFigures(2, 2, "weeks", false), spec.At(Utc(Wed, 12)).Streak);
    }
}
