using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests;

/// <summary>
/// Given events (stamped via <see cref="GoalStream.Stamp"/> and folded via <see cref="GoalState.Fold"/>),
/// When an intent at a moment, Then the decided events or a <see cref="GoalRuleException"/>.
/// </summary>
internal sealed class GoalSpec
{
    /// <summary>The "now" of most tests: a Tuesday, 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The local date of <see cref="Now"/> in UTC.</summary>
    public static readonly DateOnly Today = new(2026, 3, 10);

    private readonly List<EventEnvelope> history = [];
    private Func<IReadOnlyList<GoalEvent>>? when;
    private int eventIds;

    public GoalState? State { get; private set; }

    public IReadOnlyList<EventEnvelope> History => history;

    /// <summary>Events recorded one hour before <see cref="Now"/> (or right after the last given event).</summary>
    public GoalSpec Given(params GoalEvent[] events) => GivenAt(Now.AddHours(-1), events);

    public GoalSpec GivenAt(DateTimeOffset recordedAt, params GoalEvent[] events)
    {
        var userId = State?.UserId ?? events.OfType<GoalCreated>().Select(c => c.UserId).FirstOrDefault() ?? "user";
        var goalId = State?.GoalId ?? events.OfType<GoalCreated>().Select(c => c.GoalId).FirstOrDefault() ?? "goal";
        history.AddRange(GoalStream.Stamp(State, userId, goalId, events, recordedAt, NextEventId));
        State = GoalState.Fold(history);
        return this;
    }

    public GoalSpec When(GoalIntent intent, DateTimeOffset now)
    {
        var state = State ?? throw new InvalidOperationException("Given a GoalCreated first.");
        when = () => GoalDecider.Decide(state, intent, now);
        return this;
    }

    public GoalSpec When(GoalIntent intent) => When(intent, Now);

    public GoalSpec WhenCreating(CreateGoal intent, int openGoals, DateTimeOffset now)
    {
        when = () => GoalDecider.Create(intent, openGoals, now);
        return this;
    }

    public GoalSpec WhenCreating(CreateGoal intent) => WhenCreating(intent, 0, Now);

    public IReadOnlyList<GoalEvent> Then(params GoalEvent[] expected)
    {
        var actual = Decide();
        Assert.Equal<GoalEvent>(expected, actual);
        return actual;
    }

    public void ThenNothing() => Assert.Empty(Decide());

    public GoalRuleException ThenFails(GoalErrorCode code)
    {
        var ex = Assert.Throws<GoalRuleException>(() => Decide());
        Assert.Equal(code, ex.Code);
        return ex;
    }

    /// <summary>Fails with <see cref="GoalErrorCode.ValidationFailed"/> naming <paramref name="field"/>.</summary>
    public GoalRuleException ThenFailsOn(string field)
    {
        var ex = ThenFails(GoalErrorCode.ValidationFailed);
        Assert.NotNull(ex.Errors);
        Assert.Contains(field, ex.Errors.Keys);
        return ex;
    }

    public IReadOnlyList<GoalEvent> Decide() =>
        (when ?? throw new InvalidOperationException("Call When first."))();

    private string NextEventId() => $"evt-{++eventIds}";
}
