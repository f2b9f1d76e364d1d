using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests;

public class RemoveActivityTests
{
    private readonly Fake fake = new(707);
    private readonly GoalSpec spec = new();

    private static RemoveActivity RemovalOf(ActivityLogged logged) =>
        new(logged.ActivityId, new FoundActivity(logged.Value, logged.OccurredAt, logged.LocalDate));

    [Fact]
    public void Removing_a_found_activity_records_its_value_occurred_at_and_local_date()
    {
        var created = fake.Created(timezone: "Asia/Tokyo");
        var logged = fake.Logged(fake.Amount(), Culture.Utc("2026-03-08T20:00:00Z"), "Asia/Tokyo");
        Assert.Equal(Culture.Date("2026-03-09"), logged.LocalDate);

        spec.Given(created, logged)
            .When(RemovalOf(logged))
            .Then(new ActivityRemoved(logged.ActivityId, logged.Value, logged.OccurredAt, Culture.Date("2026-03-09")));
    }

    [Fact]
    public void Removing_an_activity_that_was_not_found_fails_with_activity_not_found() =>
        spec.Given(fake.Created(), fake.Logged(fake.Amount(), GoalSpec.Now.AddDays(-1)))
            .When(new RemoveActivity(ActivityId.From(GoalSpec.Now.AddDays(-2)), null))
            .ThenFails(GoalErrorCode.ActivityNotFound);

    [Fact]
    public void Removing_from_a_paused_goal_is_allowed()
    {
        var logged = fake.Logged(fake.Amount(), GoalSpec.Now.AddDays(-1));

        spec.Given(fake.Created(), logged, new GoalPaused(GoalSpec.Today))
            .When(RemovalOf(logged))
            .Then(new ActivityRemoved(logged.ActivityId, logged.Value, logged.OccurredAt, logged.LocalDate));
    }

    [Fact]
    public void Removing_from_a_completed_goal_fails_with_goal_already_completed()
    {
        var logged = fake.Logged(fake.Amount(), GoalSpec.Now.AddDays(-1));

        spec.Given(fake.Created(), logged, new GoalCompleted(CompletionReason.Manual))
            .When(RemovalOf(logged))
            .ThenFails(GoalErrorCode.GoalAlreadyCompleted);
    }

    [Fact]
    public void Removing_from_an_archived_goal_fails_with_goal_archived()
    {
        var logged = fake.Logged(fake.Amount(), GoalSpec.Now.AddDays(-1));

        spec.Given(fake.Created(), logged, new GoalArchived())
            .When(RemovalOf(logged))
            .ThenFails(GoalErrorCode.GoalArchived);
    }

    [Fact]
    public void Removing_an_unknown_activity_from_an_archived_goal_fails_with_goal_archived_first() =>
        spec.Given(fake.Created(), new GoalArchived())
            .When(new RemoveActivity(ActivityId.From(GoalSpec.Now), null))
            .ThenFails(GoalErrorCode.GoalArchived);
}
