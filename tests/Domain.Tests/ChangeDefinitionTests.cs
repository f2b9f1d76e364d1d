using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests;

public class ChangeDefinitionTests
{
    private readonly Fake fake = new(303);
    private readonly GoalSpec spec = new();

    [Fact]
    public void Patching_the_title_records_the_whole_merged_definition_effective_today()
    {
        var created = fake.Created(GoalPattern.Daily);
        var title = fake.Title() + " (renamed)";

        spec.Given(created)
            .When(new ChangeDefinition(Title: title))
            .Then(new GoalDefinitionChanged(created.Definition with { Title = title }, GoalSpec.Today));
    }

    [Fact]
    public void Patching_several_fields_keeps_the_ones_left_out()
    {
        var created = fake.Created(GoalPattern.Weekly);
        var target = created.Definition.Target + 5m;

        spec.Given(created)
            .When(new ChangeDefinition(Target: target, TimesPerWeek: 7))
            .Then(new GoalDefinitionChanged(created.Definition with { Target = target, TimesPerWeek = 7 }, GoalSpec.Today));
    }

    [Theory]
    [InlineData("Asia/Tokyo", "2026-03-10T20:00:00Z", "2026-03-11")]
    [InlineData("America/New_York", "2026-03-10T03:00:00Z", "2026-03-09")]
    public void Effective_from_is_the_local_date_of_now_in_the_goals_timezone(string timezone, string now, string expected)
    {
        var created = fake.Created(timezone: timezone);
        var unit = fake.Unit() + "!";

        spec.Given(created)
            .When(new ChangeDefinition(Unit: unit), Culture.Utc(now))
            .Then(new GoalDefinitionChanged(created.Definition with { Unit = unit }, Culture.Date(expected)));
    }

    [Fact]
    public void Changing_milestones_derives_the_target_from_the_last_one()
    {
        var created = fake.Created(GoalPattern.Milestones, definition: fake.Milestones(10m, 20m, 30m));

        spec.Given(created)
            .When(new ChangeDefinition(Milestones: [5m, 15m]))
            .Then(new GoalDefinitionChanged(created.Definition with { Milestones = [5m, 15m], Target = 15m }, GoalSpec.Today));
    }

    [Fact]
    public void Changing_milestones_with_a_target_other_than_the_last_fails() =>
        spec.Given(fake.Created(GoalPattern.Milestones, definition: fake.Milestones(10m, 20m, 30m)))
            .When(new ChangeDefinition(Target: 40m, Milestones: [5m, 15m]))
            .ThenFailsOn("target");

    [Fact]
    public void Changing_only_the_target_of_a_milestones_goal_fails() =>
        spec.Given(fake.Created(GoalPattern.Milestones, definition: fake.Milestones(10m, 20m, 30m)))
            .When(new ChangeDefinition(Target: 40m))
            .ThenFailsOn("target");

    [Fact]
    public void Unordered_milestones_are_refused() =>
        spec.Given(fake.Created(GoalPattern.Milestones, definition: fake.Milestones(10m, 20m, 30m)))
            .When(new ChangeDefinition(Milestones: [20m, 10m]))
            .ThenFailsOn("milestones");

    [Fact]
    public void The_merged_definition_is_validated_for_weekly_goals() =>
        spec.Given(fake.Created(GoalPattern.Weekly)).When(new ChangeDefinition(TimesPerWeek: 8)).ThenFailsOn("timesPerWeek");

    [Fact]
    public void Times_per_week_cannot_be_added_to_a_daily_goal() =>
        spec.Given(fake.Created(GoalPattern.Daily)).When(new ChangeDefinition(TimesPerWeek: 3)).ThenFailsOn("timesPerWeek");

    [Fact]
    public void Milestones_cannot_be_added_to_a_total_goal() =>
        spec.Given(fake.Created(GoalPattern.Total)).When(new ChangeDefinition(Milestones: [50m, 100m])).ThenFailsOn("milestones");

    [Fact]
    public void A_zero_target_is_refused_for_a_daily_goal() =>
        spec.Given(fake.Created(GoalPattern.Daily)).When(new ChangeDefinition(Target: 0m)).ThenFailsOn("target");

    [Fact]
    public void A_zero_target_is_accepted_for_a_limit_goal()
    {
        var created = fake.Created(GoalPattern.Limit, definition: fake.Definition(GoalPattern.Limit) with { Target = 3m });

        spec.Given(created)
            .When(new ChangeDefinition(Target: 0m))
            .Then(new GoalDefinitionChanged(created.Definition with { Target = 0m }, GoalSpec.Today));
    }

    [Fact]
    public void A_title_over_120_characters_is_refused() =>
        spec.Given(fake.Created()).When(new ChangeDefinition(Title: fake.F.Random.String2(121))).ThenFailsOn("title");

    [Fact]
    public void An_end_date_before_the_start_date_fails_with_invalid_date_range()
    {
        var created = fake.Created(GoalPattern.Total, startDate: GoalSpec.Today.AddDays(-10));

        spec.Given(created).When(new ChangeDefinition(EndDate: created.StartDate.AddDays(-1))).ThenFails(GoalErrorCode.InvalidDateRange);
    }

    [Fact]
    public void A_patch_that_changes_nothing_appends_nothing()
    {
        var created = fake.Created(GoalPattern.Milestones, definition: fake.Milestones(10m, 20m, 30m));
        var d = created.Definition;

        spec.Given(created)
            .When(new ChangeDefinition(d.Title, d.Target, d.Unit, null, [10m, 20m, 30m], null))
            .ThenNothing();
    }

    [Fact]
    public void An_empty_patch_appends_nothing() =>
        spec.Given(fake.Created(GoalPattern.Weekly)).When(new ChangeDefinition()).ThenNothing();

    [Fact]
    public void A_paused_goal_can_be_patched()
    {
        var created = fake.Created(GoalPattern.Daily);

        spec.Given(created, new GoalPaused(GoalSpec.Today))
            .When(new ChangeDefinition(Target: 42m))
            .Then(new GoalDefinitionChanged(created.Definition with { Target = 42m }, GoalSpec.Today));
    }

    [Fact]
    public void A_completed_goal_fails_with_goal_already_completed() =>
        spec.Given(fake.Created(), new GoalCompleted(CompletionReason.Manual))
            .When(new ChangeDefinition(Title: fake.Title()))
            .ThenFails(GoalErrorCode.GoalAlreadyCompleted);

    [Fact]
    public void An_archived_goal_fails_with_goal_archived() =>
        spec.Given(fake.Created(), new GoalArchived())
            .When(new ChangeDefinition(Title: fake.Title()))
            .ThenFails(GoalErrorCode.GoalArchived);
}
