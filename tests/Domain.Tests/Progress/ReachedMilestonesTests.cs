using Lifestyle.Domain.Progress;
using Xunit;
using static Lifestyle.Domain.Tests.Progress.ProjectionSpec;

namespace Lifestyle.Domain.Tests.Progress;

/// <summary>Each threshold is reached at the occurredAt of the activity whose append first made the sum reach it.</summary>
public class ReachedMilestonesTests
{
    private static readonly DateOnly Start = D("2026-03-01");

    [Fact]
    public void A_jump_over_two_thresholds_reaches_both_at_the_occurred_at_of_that_activity()
    {
        var spec = Milestones(Start, 10m, 20m, 30m, 50m);
        spec.Log(5m, T("2026-03-02T08:00:00Z"), T("2026-03-02T09:00:00Z"));
        // 5 + 20 = 25 jumps over 10 and 20: both at when it occurred (not when it was recorded).
        spec.Log(20m, T("2026-03-05T07:00:00Z"), T("2026-03-05T21:00:00Z"));
        // A backfill recorded on 03-09 for 03-03: 25 + 10 = 35 reaches 30 at its occurredAt.
        spec.Log(10m, T("2026-03-03T06:30:00Z"), T("2026-03-09T10:00:00Z"));
        // 36 < 50: nothing more.
        spec.Log(1m, T("2026-03-09T11:00:00Z"));

        Assert.Equal(
            [
                new ReachedMilestone(10m, T("2026-03-05T07:00:00Z")),
                new ReachedMilestone(20m, T("2026-03-05T07:00:00Z")),
                new ReachedMilestone(30m, T("2026-03-03T06:30:00Z")),
            ],
            spec.Projection.ReachedMilestones);
    }

    [Fact]
    public void Nothing_is_reached_below_the_first_threshold()
    {
        var spec = Milestones(Start, 10m, 20m);
        spec.Log(9.99m, T("2026-03-02T08:00:00Z"));

        Assert.Empty(spec.Projection.ReachedMilestones);
    }

    [Fact]
    public void A_threshold_reached_again_after_a_removal_keeps_its_first_reached_at()
    {
        var spec = Milestones(Start, 10m, 20m);
        var first = spec.Log(10m, T("2026-03-02T08:00:00Z"));
        spec.Remove(first, T("2026-03-03T08:00:00Z"));
        spec.Log(10m, T("2026-03-04T08:00:00Z"));

        Assert.Equal([new ReachedMilestone(10m, T("2026-03-02T08:00:00Z"))], spec.Projection.ReachedMilestones);
    }

    [Fact]
    public void A_threshold_added_by_a_patch_below_the_sum_counts_as_reached_by_the_activity_that_first_made_the_sum_reach_it()
    {
        var spec = Milestones(Start, 10m, 20m);
        spec.Log(3m, T("2026-03-02T08:00:00Z"));
        var reaching = spec.Log(12m, T("2026-03-03T08:00:00Z")); // 3 + 12 = 15: reaches 10 (and would reach 5)
        spec.Change(T("2026-03-04T10:00:00Z"), d => d with { Milestones = [5m, 10m, 20m] });

        var expected = new[] { new ReachedMilestone(5m, reaching.OccurredAt), new ReachedMilestone(10m, reaching.OccurredAt) };
        Assert.Equal(expected, spec.Projection.ReachedMilestones.OrderBy(m => m.Threshold));

        spec.Log(1m, T("2026-03-05T08:00:00Z")); // 16: reaches nothing new

        Assert.Equal(expected, spec.Projection.ReachedMilestones.OrderBy(m => m.Threshold));
    }
}
