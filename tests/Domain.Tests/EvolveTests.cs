using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests;

public class EvolveTests
{
    private readonly Fake fake = new(808);
    private readonly GoalSpec spec = new();

    [Fact]
    public void Folding_GoalCreated_builds_an_active_goal_at_version_1()
    {
        var created = fake.Created(GoalPattern.Weekly, GoalSpec.Today.AddDays(-7), "Europe/Paris") with { TemplateId = "exercise-30min-3x-week" };
        var at = GoalSpec.Now.AddMinutes(-10);

        var s = spec.GivenAt(at, created).State!;

        Assert.Equal(
            new GoalState(created.GoalId, created.UserId, GoalPattern.Weekly, created.Definition, created.StartDate, "Europe/Paris",
                "exercise-30min-3x-week", GoalStatus.Active, 1, at, at, 0m, 0),
            s);
    }

    [Fact]
    public void Folding_no_events_gives_no_goal() => Assert.Null(GoalState.Fold([]));

    [Fact]
    public void An_event_before_GoalCreated_cannot_be_folded()
    {
        var envelope = new EventEnvelope("u", "g", 1, GoalSpec.Now, "e", new GoalPaused(GoalSpec.Today));

        Assert.Throws<InvalidOperationException>(() => GoalState.Fold([envelope]));
    }

    [Fact]
    public void Logging_and_removing_activities_keeps_sum_and_count()
    {
        var a = fake.Logged(12.5m, GoalSpec.Now.AddHours(-5));
        var b = fake.Logged(7.25m, GoalSpec.Now.AddHours(-4));
        var c = fake.Logged(0.25m, GoalSpec.Now.AddHours(-3));
        spec.Given(fake.Created(GoalPattern.Total), a, b, c);
        Assert.Equal((20m, 3L), (spec.State!.Sum, spec.State.ActivityCount));

        spec.Given(new ActivityRemoved(b.ActivityId, b.Value, b.OccurredAt, b.LocalDate));

        Assert.Equal((12.75m, 2L), (spec.State!.Sum, spec.State.ActivityCount));
    }

    [Fact]
    public void Status_follows_pause_resume_complete_and_archive()
    {
        spec.Given(fake.Created());
        var seen = new List<GoalStatus> { spec.State!.Status };
        foreach (var e in new GoalEvent[]
                 { new GoalPaused(GoalSpec.Today), new GoalResumed(GoalSpec.Today), new GoalCompleted(CompletionReason.Manual), new GoalArchived() })
        {
            seen.Add(spec.Given(e).State!.Status);
        }

        Assert.Equal([GoalStatus.Active, GoalStatus.Paused, GoalStatus.Active, GoalStatus.Completed, GoalStatus.Archived], seen);
    }

    [Fact]
    public void A_definition_change_replaces_the_definition_and_keeps_the_rest()
    {
        var created = fake.Created(GoalPattern.Daily);
        var before = spec.Given(created).State!;
        var next = created.Definition with { Title = fake.Title(), Target = 99m };

        var after = spec.Given(new GoalDefinitionChanged(next, GoalSpec.Today)).State!;

        Assert.Equal(next, after.Definition);
        Assert.Equal(before with { Definition = next, Version = 2, LastRecordedAt = after.LastRecordedAt }, after);
    }

    [Fact]
    public void Version_and_last_recorded_at_follow_the_last_event_while_created_at_stays()
    {
        var created = spec.GivenAt(GoalSpec.Now.AddDays(-1), fake.Created()).State!.CreatedAt;
        var later = GoalSpec.Now.AddMinutes(-1);

        var s = spec.GivenAt(later, fake.Logged(1m, later), new GoalPaused(GoalSpec.Today)).State!;

        Assert.Equal(3, s.Version);
        Assert.Equal(later.AddTicks(1), s.LastRecordedAt);
        Assert.Equal(GoalSpec.Now.AddDays(-1), s.CreatedAt);
        Assert.Equal(created, s.CreatedAt);
    }

    [Fact]
    public void Next_timestamp_is_now_in_UTC_when_there_is_no_goal()
    {
        var now = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(-3));

        var next = GoalState.NextTimestamp(null, now);

        Assert.Equal(now, next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }
}
