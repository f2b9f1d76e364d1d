using Lifestyle.Domain.Goals;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>When a pass may leave the streak item as it is (only its version would change).</summary>
public sealed class StreakItemTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    [Fact]
    public void Another_log_that_leaves_the_day_unmet_leaves_the_streak_item_unchanged()
    {
        var goal = GoalHistory.Of(GoalPattern.Daily, 8, Start);
        goal.LogOn(Start, 2);
        var before = goal.Projection;
        goal.LogOn(Start, 3);

        Assert.True(ReadModelItems.StreakUnchanged(before, goal.Projection));
    }

    [Fact]
    public void The_log_that_meets_the_day_changes_the_streak_item()
    {
        var goal = GoalHistory.Of(GoalPattern.Daily, 8, Start);
        goal.LogOn(Start, 5);
        var before = goal.Projection;
        goal.LogOn(Start, 3);

        Assert.False(ReadModelItems.StreakUnchanged(before, goal.Projection));
    }

    [Fact]
    public void A_log_on_a_later_day_moves_the_as_of_date_and_so_changes_the_streak_item()
    {
        var goal = GoalHistory.Of(GoalPattern.Daily, 8, Start);
        goal.LogOn(Start, 2);
        var before = goal.Projection;
        goal.LogOn(Start.AddDays(1), 2);

        Assert.False(ReadModelItems.StreakUnchanged(before, goal.Projection));
    }
}
