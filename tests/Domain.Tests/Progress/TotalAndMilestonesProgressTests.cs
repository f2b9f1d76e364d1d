using Lifestyle.Domain.Events;
using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>Total and milestones goals: the all-time sum against the (last) target; no streak.</summary>
public class TotalAndMilestonesProgressTests
{
    private static readonly DateOnly Start = D("2026-03-01");
    private static readonly DateTimeOffset Now = T("2026-03-10T18:00:00Z");

    [Fact]
    public void A_total_goal_measures_the_sum_of_all_activities_since_the_start_and_has_no_streak()
    {
        var spec = Total(300m, Start).On(D("2026-03-02"), 40m).On(D("2026-03-05"), 60m);
        var removed = spec.Log(25m, Utc(D("2026-03-06"), 9));
        spec.Remove(removed, Utc(D("2026-03-06"), 10));

        var figures = spec.At(Now);

        // 40 + 60 = 100 of 300 → 33.3
        Assert.Equal(new ProgressFigures("all", Start, 100m, 300m, 33.3m, false, 100m, 2), figures.Progress);
        Assert.Null(figures.Streak);
    }

    [Fact]
    public void A_total_goal_reaches_25_and_50_percent_at_once_then_75_and_100()
    {
        var spec = Total(100m, Start);
        spec.Log(60m, Utc(D("2026-03-02"), 12));

        Assert.Equal([25, 50], spec.Projection.ReachedPercents);
        Assert.Equal(60m, spec.At(Now).Progress.Percent);

        spec.Log(40m, Utc(D("2026-03-03"), 12));
        spec.Given(Utc(D("2026-03-03"), 13), new GoalCompleted(CompletionReason.TargetReached));

        Assert.Equal([25, 50, 75, 100], spec.Projection.ReachedPercents);
        Assert.Equal(new ProgressFigures("all", Start, 100m, 100m, 100m, true, 100m, 2), spec.At(Now).Progress);
    }

    [Fact]
    public void A_milestones_goal_measures_the_sum_against_its_last_threshold_and_has_no_streak()
    {
        var spec = Milestones(Start, 10m, 20m, 30m, 50m).On(D("2026-03-02"), 5m).On(D("2026-03-04"), 20m, 10m);

        var figures = spec.At(Now);

        // 5 + 20 + 10 = 35 of 50 → 70
        Assert.Equal(new ProgressFigures("all", Start, 35m, 50m, 70m, false, 35m, 3), figures.Progress);
        Assert.Null(figures.Streak);
    }

    [Fact]
    public void Reaching_the_last_milestone_reaches_the_target()
    {
        var spec = Milestones(Start, 10m, 20m);
        spec.Log(25m, T("2026-03-02T08:00:00Z"));
        spec.Given(T("2026-03-02T08:00:01Z"), new GoalCompleted(CompletionReason.TargetReached));

        // 25 of 20 → 125, not capped
        Assert.Equal(new ProgressFigures("all", Start, 25m, 20m, 125m, true, 25m, 1), spec.At(Now).Progress);
        Assert.Equal([new ReachedMilestone(10m, T("2026-03-02T08:00:00Z")), new ReachedMilestone(20m, T("2026-03-02T08:00:00Z"))],
            spec.Projection.ReachedMilestones);
    }
}
