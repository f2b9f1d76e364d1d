using FsCheck.Fluent;
using Lifestyle.Domain.Events;
using Xunit;

namespace Lifestyle.Domain.Tests.Properties;

/// <summary>The generator reaches what the properties claim to cover: accepted logs, removals, pauses, changes and completions of every pattern.</summary>
public sealed class ScenarioGenTests
{
    [Fact]
    public void Generated_scenarios_are_mostly_accepted_and_cover_every_event_and_pattern()
    {
        var runs = ScenarioGen.Scenarios().Generator.Sample(300, 40).Select(ScenarioRun.Play).ToList();
        var events = runs.SelectMany(r => r.History).Select(e => e.Event).ToList();

        Assert.True(runs.Count(r => r.History.Count > 0) > 200, $"{runs.Count(r => r.History.Count > 0)} of 300 created a goal");
        Assert.Equal(5, events.OfType<GoalCreated>().Select(c => c.Pattern).Distinct().Count());
        foreach (var type in new[] { typeof(ActivityLogged), typeof(ActivityRemoved), typeof(GoalPaused), typeof(GoalResumed), typeof(GoalDefinitionChanged), typeof(GoalCompleted), typeof(GoalArchived) })
        {
            Assert.True(events.Count(e => e.GetType() == type) >= 20, $"{type.Name}: {events.Count(e => e.GetType() == type)}");
        }

        Assert.True(events.OfType<ActivityLogged>().Count() > 600, $"{events.OfType<ActivityLogged>().Count()} logs accepted");
    }
}
