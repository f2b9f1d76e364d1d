using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;

namespace Lifestyle.Domain.Tests.Properties;

/// <summary>
/// Plays a <see cref="Scenario"/> as the command handlers do: decide on the folded state at "now",
/// stamp, append. Commands the domain refuses (a <see cref="GoalRuleException"/>) append nothing;
/// any other exception escapes and fails the property.
/// </summary>
internal sealed class ScenarioRun
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly List<EventEnvelope> history = [];
    private int ids;

    private ScenarioRun(Scenario scenario)
    {
        Now = Epoch.AddMinutes(scenario.Shape.StartMinute);
        if (!TryCreate(scenario.Shape))
        {
            return;
        }

        foreach (var step in scenario.Steps)
        {
            Play(step);
        }
    }

    public IReadOnlyList<EventEnvelope> History => history;

    public DateTimeOffset Now { get; private set; }

    public GoalState? State => GoalState.Fold(history);

    public int Refused { get; private set; }

    public static ScenarioRun Play(Scenario scenario) => new(scenario);

    private bool TryCreate(GoalShape s)
    {
        var today = Time.GoalClock.LocalDate(Now, s.Timezone);
        var start = today.AddDays(s.StartOffsetDays);
        var definition = new GoalDefinition("Goal", s.Target, "units", s.TimesPerWeek, s.Milestones,
            s.EndAfterStartDays is { } e ? start.AddDays(e) : null);
        return Append(() => GoalDecider.Create(new CreateGoal("goal", "user", s.Pattern, definition, start, s.Timezone, null), 0, Now));
    }

    private void Play(Step step)
    {
        if (step is Wait w)
        {
            Now = Now.AddMinutes(w.Minutes);
            return;
        }

        var state = State!;
        GoalIntent intent = step switch
        {
            Log l => new LogActivity(l.Value, Now.AddMinutes(-l.AgoMinutes), l.Note),
            Remove r => new RemoveActivity(ActivityIdAt(r.Index), Found(ActivityIdAt(r.Index))),
            Pause => new PauseGoal(),
            Resume => new ResumeGoal(),
            Complete => new CompleteGoal(),
            Archive => new ArchiveGoal(),
            Change c => new ChangeDefinition(null, c.Target, null, c.TimesPerWeek, c.Milestones,
                c.EndAfterStartDays is { } e ? state.StartDate.AddDays(e) : null),
            _ => throw new InvalidOperationException($"Unknown step {step}."),
        };
        Append(() => GoalDecider.Decide(state, intent, Now));
        Now = Now.AddTicks(TimeSpan.TicksPerMillisecond);
    }

    private bool Append(Func<IReadOnlyList<GoalEvent>> decide)
    {
        IReadOnlyList<GoalEvent> events;
        try
        {
            events = decide();
        }
        catch (GoalRuleException)
        {
            Refused++;
            return false;
        }

        history.AddRange(GoalStream.Stamp(State, "user", "goal", events, Now, () => $"evt-{++ids}"));
        return true;
    }

    private string ActivityIdAt(int index)
    {
        var logged = history.Select(e => e.Event).OfType<ActivityLogged>().ToList();
        return logged.Count == 0 ? "act_unknown" : logged[index % logged.Count].ActivityId;
    }

    /// <summary>What the handler reads: the logged activity, unless it was removed already.</summary>
    private FoundActivity? Found(string activityId)
    {
        var events = history.Select(e => e.Event).ToList();
        var logged = events.OfType<ActivityLogged>().FirstOrDefault(a => a.ActivityId == activityId);
        var removed = events.OfType<ActivityRemoved>().Any(r => r.ActivityId == activityId);
        return logged is null || removed ? null : new FoundActivity(logged.Value, logged.OccurredAt, logged.LocalDate);
    }
}
