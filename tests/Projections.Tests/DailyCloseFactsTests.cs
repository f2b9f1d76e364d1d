using Lifestyle.Domain.Goals;
using Lifestyle.Projections.Jobs;
using Lifestyle.Projections.Notifications;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>Streaks broken and at risk as the daily close sees them, in each goal's own time zone.</summary>
public sealed class DailyCloseFactsTests
{
    private static readonly DateOnly Start = new(2026, 3, 2); // a Monday

    [Fact]
    public void A_missed_day_breaks_the_run_before_it_once()
    {
        var goal = Daily(met: [0, 1, 2]);

        Assert.Equal(["streak.broken broken#2026-03-05 {\"days\":3}"], Close(goal, Start.AddDays(3)));
        Assert.Empty(Close(goal, Start.AddDays(4)));
    }

    [Fact]
    public void A_met_closed_day_puts_the_next_day_at_risk()
    {
        var goal = Daily(met: [0, 1, 2]);

        Assert.Equal(["streak.at-risk at-risk#2026-03-05 {\"days\":3}"], Close(goal, Start.AddDays(2)));
        Assert.DoesNotContain(Close(goal, Start.AddDays(1)), f => f.StartsWith("streak.broken", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paused_day_breaks_nothing()
    {
        var goal = GoalHistory.Of(GoalPattern.Daily, 1, Start);
        goal.LogOn(Start, 1);
        goal.LogOn(Start.AddDays(1), 1);
        goal.Pause(Start.AddDays(2));
        goal.Resume(Start.AddDays(3));

        Assert.DoesNotContain(Close(goal, Start.AddDays(2)), f => f.StartsWith("streak.broken", StringComparison.Ordinal));
        Assert.Equal(["streak.broken broken#2026-03-05 {\"days\":2}"], Close(goal, Start.AddDays(3)));
    }

    [Fact]
    public void West_of_utc_the_close_of_a_utc_day_closes_the_local_day_that_already_ended()
    {
        // At 00:00 UTC on March 6 it is still March 5 in New York: the close of UTC March 5 closes local March 4.
        var goal = GoalHistory.Of(GoalPattern.Daily, 1, Start, "America/New_York");
        foreach (var day in new[] { 0, 1, 2 })
        {
            goal.LogOn(Start.AddDays(day), 1);
        }

        Assert.Equal(Start.AddDays(2), DailyCloseFacts.ClosedDay(goal.Projection, Start.AddDays(3)));
        Assert.Equal(["streak.at-risk at-risk#2026-03-05 {\"days\":3}"], Close(goal, Start.AddDays(3)));
        Assert.Equal(["streak.broken broken#2026-03-05 {\"days\":3}"], Close(goal, Start.AddDays(4)));
    }

    [Fact]
    public void A_limit_breaks_on_a_day_over_the_limit_and_is_never_at_risk_at_midnight()
    {
        var goal = GoalHistory.Of(GoalPattern.Limit, 3, Start);
        goal.LogOn(Start, 1);
        goal.LogOn(Start.AddDays(2), 5);

        Assert.Empty(Close(goal, Start.AddDays(1)));
        Assert.Equal(["streak.broken broken#2026-03-04 {\"days\":2}"], Close(goal, Start.AddDays(2)));
    }

    [Fact]
    public void A_weekly_goal_breaks_when_a_sunday_closes_an_unmet_week_and_is_at_risk_when_no_slack_is_left()
    {
        var goal = GoalHistory.Of(GoalPattern.Weekly, 1, Start, timesPerWeek: 3);
        foreach (var day in new[] { 0, 2, 4 })
        {
            goal.LogOn(Start.AddDays(day), 1);
        }

        goal.LogOn(Start.AddDays(7), 1); // week 2: Monday only

        // Week 2, Friday closed with 1 of 3 met: Saturday and Sunday left, 2 needed.
        Assert.Equal(["streak.at-risk at-risk#2026-03-14 {\"weeks\":1}"], Close(goal, Start.AddDays(11)));
        Assert.Empty(Close(goal, Start.AddDays(10)));
        Assert.Equal(["streak.broken broken#2026-03-15 {\"weeks\":1}"], Close(goal, Start.AddDays(13)));
    }

    [Fact]
    public void Closing_a_sunday_summarises_the_week()
    {
        var goal = GoalHistory.Of(GoalPattern.Weekly, 1, Start, timesPerWeek: 3);
        foreach (var day in new[] { 0, 2, 4 })
        {
            goal.LogOn(Start.AddDays(day), 1);
        }

        var sunday = WeeklySummary.ClosedSunday(goal.Projection, Start.AddDays(6));
        var entry = WeeklySummary.Entry(goal.Projection, sunday!.Value);

        Assert.Null(WeeklySummary.ClosedSunday(goal.Projection, Start.AddDays(5)));
        Assert.Equal("{\"goalId\":\"g-facts\",\"title\":\"Facts goal\",\"daysMet\":3,\"met\":true}", entry.ToJsonString());
        var summary = WeeklySummary.For(GoalHistory.UserId, sunday.Value, Start.AddDays(6), [entry]);
        Assert.Equal("summary#2026-W10", summary.FactKey);
        Assert.Null(summary.GoalId);
        Assert.DoesNotContain(summary.Message().Attributes, a => a.Key == "goalId");
        Assert.Equal(
            "{\"notificationId\":\"ntf_044da4ee389250e99e9fa8d0f101de08\",\"type\":\"summary.weekly\",\"userId\":\"u-facts\",\"occurredAt\":\"2026-03-09T00:00:00Z\",\"data\":{\"week\":\"2026-W10\",\"goals\":["
            + entry.ToJsonString() + "]}}",
            summary.Message().Body);
    }

    private static GoalHistory Daily(int[] met)
    {
        var goal = GoalHistory.Of(GoalPattern.Daily, 1, Start);
        foreach (var day in met)
        {
            goal.LogOn(Start.AddDays(day), 1);
        }

        return goal;
    }

    private static List<string> Close(GoalHistory goal, DateOnly utcDate) =>
        DailyCloseFacts.For(goal.Projection, utcDate).Select(n => $"{n.Type} {n.FactKey} {n.Data.ToJsonString()}").ToList();
}
