using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests;

public class StatusTests
{
    private readonly Fake fake = new(404);
    private readonly GoalSpec spec = new();

    private static GoalIntent Intent(string name) => name switch
    {
        "pause" => new PauseGoal(),
        "resume" => new ResumeGoal(),
        "complete" => new CompleteGoal(),
        "archive" => new ArchiveGoal(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Fact]
    public void Pausing_an_active_goal_records_the_local_date()
    {
        var now = Culture.Utc("2026-03-10T23:30:00Z");

        spec.Given(fake.Created(timezone: "Asia/Tokyo")).When(new PauseGoal(), now).Then(new GoalPaused(Culture.Date("2026-03-11")));
    }

    [Fact]
    public void Resuming_a_paused_goal_records_the_local_date()
    {
        var now = Culture.Utc("2026-03-10T01:00:00Z");

        spec.Given(fake.Created(timezone: "America/New_York"), new GoalPaused(Culture.Date("2026-03-01")))
            .When(new ResumeGoal(), now)
            .Then(new GoalResumed(Culture.Date("2026-03-09")));
    }

    [Fact]
    public void Pausing_a_paused_goal_appends_nothing() =>
        spec.Given(fake.Created(), new GoalPaused(GoalSpec.Today)).When(new PauseGoal()).ThenNothing();

    [Fact]
    public void Resuming_an_active_goal_appends_nothing() =>
        spec.Given(fake.Created()).When(new ResumeGoal()).ThenNothing();

    [Fact]
    public void Resuming_after_pause_and_resume_appends_nothing() =>
        spec.Given(fake.Created(), new GoalPaused(GoalSpec.Today), new GoalResumed(GoalSpec.Today))
            .When(new ResumeGoal())
            .ThenNothing();

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("complete")]
    public void A_completed_goal_refuses_everything_but_archive_with_goal_already_completed(string intent) =>
        spec.Given(fake.Created(), new GoalCompleted(CompletionReason.Manual))
            .When(Intent(intent))
            .ThenFails(GoalErrorCode.GoalAlreadyCompleted);

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("complete")]
    [InlineData("archive")]
    public void An_archived_goal_refuses_every_status_change_with_goal_archived(string intent) =>
        spec.Given(fake.Created(), new GoalArchived()).When(Intent(intent)).ThenFails(GoalErrorCode.GoalArchived);

    [Fact]
    public void A_completed_then_archived_goal_fails_with_goal_archived() =>
        spec.Given(fake.Created(GoalPattern.Total), new GoalCompleted(CompletionReason.TargetReached), new GoalArchived())
            .When(new CompleteGoal())
            .ThenFails(GoalErrorCode.GoalArchived);

    [Fact]
    public void Completing_an_active_goal_records_a_manual_completion() =>
        spec.Given(fake.Created()).When(new CompleteGoal()).Then(new GoalCompleted(CompletionReason.Manual));

    [Fact]
    public void Completing_a_paused_goal_records_a_manual_completion() =>
        spec.Given(fake.Created(), new GoalPaused(GoalSpec.Today))
            .When(new CompleteGoal())
            .Then(new GoalCompleted(CompletionReason.Manual));

    [Fact]
    public void Archiving_an_active_goal_records_GoalArchived() =>
        spec.Given(fake.Created()).When(new ArchiveGoal()).Then(new GoalArchived());

    [Fact]
    public void Archiving_a_paused_goal_records_GoalArchived() =>
        spec.Given(fake.Created(), new GoalPaused(GoalSpec.Today)).When(new ArchiveGoal()).Then(new GoalArchived());

    [Theory]
    [InlineData(CompletionReason.Manual)]
    [InlineData(CompletionReason.TargetReached)]
    public void Archiving_a_completed_goal_records_GoalArchived(CompletionReason reason) =>
        spec.Given(fake.Created(GoalPattern.Total), new GoalCompleted(reason)).When(new ArchiveGoal()).Then(new GoalArchived());
}
