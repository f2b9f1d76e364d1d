using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Projections.Notifications;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>Which notifications a projection pass makes (docs/product-rules.md §6), from the fold before and the events applied.</summary>
public sealed class ProjectionFactsTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    [Fact]
    public void A_jump_from_0_to_60_percent_is_25_and_50_at_the_activity_that_made_it()
    {
        var goal = GoalHistory.Of(GoalPattern.Total, 100, Start);
        var before = goal.Projection;
        var log = goal.Log(60, At(Start, 9));

        var facts = ProjectionFacts.Of(Pass(before, goal, 1));

        Assert.Equal(["goal.milestone percent#25 {\"percent\":25}", "goal.milestone percent#50 {\"percent\":50}"], facts.Select(Describe));
        Assert.All(facts, f => Assert.Equal(log.RecordedAt, f.OccurredAt));
    }

    [Fact]
    public void Reaching_the_target_is_the_100_percent_milestone_and_the_completion_each_once()
    {
        var goal = GoalHistory.Of(GoalPattern.Total, 10, Start);
        goal.Log(8, At(Start, 9));
        var before = goal.Projection;
        goal.Log(2, At(Start, 10));
        var completed = goal.Add(At(Start, 10), new GoalCompleted(CompletionReason.TargetReached));

        var facts = ProjectionFacts.Of(Pass(before, goal, 2));

        Assert.Equal(["goal.milestone percent#100 {\"percent\":100}", "goal.completed completed {}"], facts.Select(Describe));
        Assert.Equal(completed.RecordedAt, facts[1].OccurredAt);
        Assert.Empty(ProjectionFacts.Of(new ProjectionResult(goal.Projection, goal.Projection, [])));
    }

    [Fact]
    public void A_milestones_goal_reports_each_threshold_newly_reached()
    {
        var goal = GoalHistory.Of(GoalPattern.Milestones, 20, Start, milestones: [5, 10.5m, 20]);
        goal.Log(4, At(Start, 9));
        var before = goal.Projection;
        goal.Log(7, At(Start, 10));

        var facts = ProjectionFacts.Of(Pass(before, goal, 1));

        Assert.Equal(["goal.milestone milestone#5 {\"threshold\":5}", "goal.milestone milestone#10.5 {\"threshold\":10.5}"],
            facts.Select(Describe));
    }

    [Fact]
    public void A_streak_crossing_7_days_names_its_run_so_only_a_new_run_notifies_again()
    {
        var goal = GoalHistory.Of(GoalPattern.Daily, 1, Start);
        for (var i = 0; i < 6; i++)
        {
            goal.LogOn(Start.AddDays(i), 1);
        }

        var before = goal.Projection;
        goal.LogOn(Start.AddDays(6), 1);
        var first = Assert.Single(ProjectionFacts.Of(Pass(before, goal, 1)));

        // An eighth day is no new threshold.
        before = goal.Projection;
        goal.LogOn(Start.AddDays(7), 1);
        Assert.Empty(ProjectionFacts.Of(Pass(before, goal, 1)));

        // Two days missed, then a new run of seven.
        for (var i = 10; i < 16; i++)
        {
            goal.LogOn(Start.AddDays(i), 1);
        }

        before = goal.Projection;
        goal.LogOn(Start.AddDays(16), 1);
        var second = Assert.Single(ProjectionFacts.Of(Pass(before, goal, 1)));

        Assert.Equal("streak.milestone streak#days#2026-03-02#7 {\"days\":7}", Describe(first));
        Assert.Equal("streak.milestone streak#days#2026-03-12#7 {\"days\":7}", Describe(second));
    }

    [Fact]
    public void A_run_across_a_paused_day_keeps_its_start()
    {
        var goal = GoalHistory.Of(GoalPattern.Daily, 1, Start);
        for (var i = 0; i < 3; i++)
        {
            goal.LogOn(Start.AddDays(i), 1);
        }

        goal.Pause(Start.AddDays(3));
        goal.Resume(Start.AddDays(4));
        for (var i = 4; i < 7; i++)
        {
            goal.LogOn(Start.AddDays(i), 1);
        }

        var before = goal.Projection;
        goal.LogOn(Start.AddDays(7), 1);

        Assert.Equal("streak.milestone streak#days#2026-03-02#7 {\"days\":7}", Describe(Assert.Single(ProjectionFacts.Of(Pass(before, goal, 1)))));
    }

    [Fact]
    public void A_weekly_goal_counts_its_streak_in_weeks()
    {
        var goal = GoalHistory.Of(GoalPattern.Weekly, 1, Start, timesPerWeek: 1);
        for (var week = 0; week < 6; week++)
        {
            goal.LogOn(Start.AddDays(7 * week), 1);
        }

        var before = goal.Projection;
        goal.LogOn(Start.AddDays(42), 1);

        Assert.Equal("streak.milestone streak#weeks#2026-03-02#7 {\"weeks\":7}", Describe(Assert.Single(ProjectionFacts.Of(Pass(before, goal, 1)))));
    }

    private static ProjectionResult Pass(GoalProjection before, GoalHistory goal, int applied) =>
        new(before, goal.Projection, goal.Events.Skip(goal.Events.Count - applied).ToList());

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static string Describe(Notification n) => $"{n.Type} {n.FactKey} {n.Data.ToJsonString()}";
}
