using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Templates;
using Xunit;

namespace Lifestyle.Domain.Tests;

/// <summary>Event type names and goal templates.</summary>
public class CatalogTests
{
    private static readonly GoalDefinition Def = new("t", 1m, null, null, null, null);

    private static readonly GoalEvent[] Events =
    [
        new GoalCreated("g", "u", GoalPattern.Daily, Def, GoalSpec.Today, "UTC", null),
        new GoalDefinitionChanged(Def, GoalSpec.Today),
        new GoalPaused(GoalSpec.Today),
        new GoalResumed(GoalSpec.Today),
        new GoalCompleted(CompletionReason.Manual),
        new GoalArchived(),
        new ActivityLogged("a", 1m, GoalSpec.Now, GoalSpec.Today, null),
        new ActivityRemoved("a", 1m, GoalSpec.Now, GoalSpec.Today),
    ];

    public static TheoryData<GoalEvent> OneOfEach() => new(Events);

    [Fact]
    public void Event_type_names_are_unique_and_end_with_v1()
    {
        var names = EventCatalog.Names.ToList();

        Assert.Equal(8, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.EndsWith(".v1", n, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Every_event_has_a_name_that_maps_back_to_its_type(GoalEvent e)
    {
        var name = EventCatalog.NameOf(e);

        Assert.Contains(name, EventCatalog.Names);
        Assert.Equal(e.GetType(), EventCatalog.Named(name).EventType);
        Assert.Equal(e, EventCatalog.For(e).Decode(EventCatalog.For(e).Encode(e), new EventContext("u", "g")));
    }

    [Fact]
    public void Event_type_names_are_stable() =>
        Assert.Equal(
            ["goal-created.v1", "goal-definition-changed.v1", "goal-paused.v1", "goal-resumed.v1", "goal-completed.v1",
             "goal-archived.v1", "activity-logged.v1", "activity-removed.v1"],
            Events.Select(EventCatalog.NameOf));

    [Fact]
    public void An_unknown_event_type_name_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => EventCatalog.Named("goal-created.v2"));

    [Fact]
    public void There_are_the_five_templates_of_the_spec() =>
        Assert.Equal(
            ["water-8-glasses", "exercise-30min-3x-week", "meditate-10min-daily", "sleep-8-hours", "walk-10000-steps"],
            GoalTemplates.All.Select(t => t.Id));

    [Theory]
    [InlineData("water-8-glasses", GoalPattern.Daily, 8, "glasses", null)]
    [InlineData("exercise-30min-3x-week", GoalPattern.Weekly, 30, "minutes", 3)]
    [InlineData("meditate-10min-daily", GoalPattern.Daily, 10, "minutes", null)]
    [InlineData("sleep-8-hours", GoalPattern.Daily, 8, "hours", null)]
    [InlineData("walk-10000-steps", GoalPattern.Daily, 10000, "steps", null)]
    public void Each_template_has_the_specs_pattern_target_and_unit(string id, GoalPattern pattern, decimal target, string unit, int? times)
    {
        var t = GoalTemplates.Find(id);

        Assert.NotNull(t);
        Assert.Equal((pattern, target, unit, times), (t.Pattern, t.Target, t.Unit, t.TimesPerWeek));
        Assert.Empty(GoalDefinitionRules.Check(t.Pattern, new GoalDefinition(t.Title, t.Target, t.Unit, t.TimesPerWeek, null, null)));
    }

    [Theory]
    [InlineData("no-such-template")]
    [InlineData(null)]
    public void Finding_an_unknown_template_gives_nothing(string? id) => Assert.Null(GoalTemplates.Find(id));
}
