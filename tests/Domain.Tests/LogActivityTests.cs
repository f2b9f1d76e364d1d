using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests;

/// <summary>Logging: statuses, values and automatic completion. Time and dates: <see cref="LogActivityTimeTests"/>.</summary>
public class LogActivityTests
{
    private readonly Fake fake = new(505);
    private readonly GoalSpec spec = new();
    private static readonly string IdOfNow = ActivityId.From(GoalSpec.Now);

    [Fact]
    public void Logging_to_an_active_goal_records_the_activity()
    {
        var value = fake.Amount();
        var occurredAt = GoalSpec.Now.AddHours(-2);
        var note = fake.Note();

        spec.Given(fake.Created())
            .When(new LogActivity(value, occurredAt, note))
            .Then(new ActivityLogged(IdOfNow, value, occurredAt, GoalSpec.Today, note));
    }

    [Fact]
    public void Logging_to_a_paused_goal_fails_with_goal_paused() =>
        spec.Given(fake.Created(), new GoalPaused(GoalSpec.Today))
            .When(new LogActivity(fake.Amount(), null, null))
            .ThenFails(GoalErrorCode.GoalPaused);

    [Fact]
    public void Logging_to_a_resumed_goal_is_accepted() =>
        Assert.IsType<ActivityLogged>(Assert.Single(
            spec.Given(fake.Created(), new GoalPaused(GoalSpec.Today), new GoalResumed(GoalSpec.Today))
                .When(new LogActivity(fake.Amount(), null, null))
                .Decide()));

    [Fact]
    public void Logging_to_a_completed_goal_fails_with_goal_already_completed() =>
        spec.Given(fake.Created(), new GoalCompleted(CompletionReason.Manual))
            .When(new LogActivity(fake.Amount(), null, null))
            .ThenFails(GoalErrorCode.GoalAlreadyCompleted);

    [Fact]
    public void Logging_to_an_archived_goal_fails_with_goal_archived() =>
        spec.Given(fake.Created(), new GoalPaused(GoalSpec.Today), new GoalArchived())
            .When(new LogActivity(fake.Amount(), null, null))
            .ThenFails(GoalErrorCode.GoalArchived);

    [Theory]
    [InlineData(GoalPattern.Daily)]
    [InlineData(GoalPattern.Weekly)]
    [InlineData(GoalPattern.Total)]
    [InlineData(GoalPattern.Milestones)]
    public void A_zero_value_is_refused_except_for_limit_goals(GoalPattern pattern) =>
        spec.Given(fake.Created(pattern)).When(new LogActivity(0m, null, null)).ThenFailsOn("value");

    [Fact]
    public void A_zero_value_is_accepted_for_a_limit_goal() =>
        spec.Given(fake.Created(GoalPattern.Limit))
            .When(new LogActivity(0m, null, null))
            .Then(new ActivityLogged(IdOfNow, 0m, GoalSpec.Now, GoalSpec.Today, null));

    [Theory]
    [InlineData(GoalPattern.Limit)]
    [InlineData(GoalPattern.Daily)]
    public void A_negative_value_is_refused(GoalPattern pattern) =>
        spec.Given(fake.Created(pattern)).When(new LogActivity(-1m, null, null)).ThenFailsOn("value");

    [Theory]
    [InlineData(GoalPattern.Total, 100, 60, 40)]
    [InlineData(GoalPattern.Total, 100, 60, 75.5)]
    [InlineData(GoalPattern.Milestones, 30, 29.99, 0.01)]
    [InlineData(GoalPattern.Milestones, 30, 0, 1000)]
    public void Reaching_the_target_completes_total_and_milestones_goals_in_the_same_decision(
        GoalPattern pattern, decimal target, decimal before, decimal value)
    {
        var definition = pattern == GoalPattern.Milestones
            ? fake.Milestones(target / 3, target)
            : fake.Definition(pattern) with { Target = target };
        spec.Given(fake.Created(pattern, definition: definition));
        if (before > 0)
        {
            spec.Given(fake.Logged(before, GoalSpec.Now.AddDays(-1)));
        }

        var note = fake.Note();
        spec.When(new LogActivity(value, null, note))
            .Then(
                new ActivityLogged(IdOfNow, value, GoalSpec.Now, GoalSpec.Today, note),
                new GoalCompleted(CompletionReason.TargetReached));
    }

    [Theory]
    [InlineData(GoalPattern.Total)]
    [InlineData(GoalPattern.Milestones)]
    public void Staying_below_the_target_does_not_complete_the_goal(GoalPattern pattern)
    {
        var definition = pattern == GoalPattern.Milestones ? fake.Milestones(50m, 100m) : fake.Definition(pattern) with { Target = 100m };
        spec.Given(fake.Created(pattern, definition: definition), fake.Logged(60m, GoalSpec.Now.AddDays(-1)));

        spec.When(new LogActivity(39.99m, null, null))
            .Then(new ActivityLogged(IdOfNow, 39.99m, GoalSpec.Now, GoalSpec.Today, null));
    }

    [Fact]
    public void A_removed_activity_no_longer_counts_toward_the_target()
    {
        var logged = fake.Logged(40m, GoalSpec.Now.AddDays(-1));
        spec.Given(
            fake.Created(GoalPattern.Total, definition: fake.Definition(GoalPattern.Total) with { Target = 100m }),
            fake.Logged(60m, GoalSpec.Now.AddDays(-2)),
            logged,
            new ActivityRemoved(logged.ActivityId, logged.Value, logged.OccurredAt, logged.LocalDate));

        spec.When(new LogActivity(39m, null, null)).Then(new ActivityLogged(IdOfNow, 39m, GoalSpec.Now, GoalSpec.Today, null));
    }

    [Theory]
    [InlineData(GoalPattern.Daily)]
    [InlineData(GoalPattern.Weekly)]
    [InlineData(GoalPattern.Limit)]
    public void Exceeding_the_target_never_completes_daily_weekly_or_limit_goals(GoalPattern pattern) =>
        spec.Given(fake.Created(pattern))
            .When(new LogActivity(GoalLimits.MaxActivityValue, null, null))
            .Then(new ActivityLogged(IdOfNow, GoalLimits.MaxActivityValue, GoalSpec.Now, GoalSpec.Today, null));
}
