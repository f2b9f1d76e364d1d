using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests;

public class StreamTests
{
    private readonly Fake fake = new(909);
    private readonly GoalSpec spec = new();

    private static List<GoalEvent> Several(int n) =>
        [.. Enumerable.Range(0, n).Select(i => (GoalEvent)(i % 2 == 0 ? new GoalPaused(GoalSpec.Today) : new GoalResumed(GoalSpec.Today)))];

    [Fact]
    public void Stamping_a_new_goal_starts_at_version_1_at_now()
    {
        var created = fake.Created();
        var ids = new Queue<string>(["e1"]);

        var e = Assert.Single(GoalStream.Stamp(null, created.UserId, created.GoalId, [created], GoalSpec.Now, ids.Dequeue));

        Assert.Equal(new EventEnvelope(created.UserId, created.GoalId, 1, GoalSpec.Now, "e1", created), e);
    }

    [Fact]
    public void Stamping_gives_consecutive_versions_after_the_state_and_strictly_increasing_timestamps()
    {
        var state = spec.Given(fake.Created(), fake.Logged(1m, GoalSpec.Now.AddDays(-1))).State!;
        var n = 0;

        var stamped = GoalStream.Stamp(state, state.UserId, state.GoalId, Several(4), GoalSpec.Now, () => $"id{++n}");

        Assert.Equal([3L, 4L, 5L, 6L], stamped.Select(e => e.Version));
        Assert.Equal([GoalSpec.Now, GoalSpec.Now.AddTicks(1), GoalSpec.Now.AddTicks(2), GoalSpec.Now.AddTicks(3)], stamped.Select(e => e.RecordedAt));
        Assert.Equal(["id1", "id2", "id3", "id4"], stamped.Select(e => e.EventId));
        Assert.All(stamped, e => Assert.Equal((state.UserId, state.GoalId), (e.UserId, e.GoalId)));
    }

    [Fact]
    public void Stamping_when_now_is_earlier_than_the_last_event_continues_one_tick_after_it()
    {
        var last = GoalSpec.Now.AddSeconds(30);
        var state = spec.GivenAt(last, fake.Created()).State!;

        var stamped = GoalStream.Stamp(state, state.UserId, state.GoalId, Several(3), GoalSpec.Now.AddMinutes(-10), () => "e");

        Assert.Equal([last.AddTicks(1), last.AddTicks(2), last.AddTicks(3)], stamped.Select(e => e.RecordedAt));
    }

    [Fact]
    public void Stamping_when_now_equals_the_last_event_still_moves_forward()
    {
        var state = spec.GivenAt(GoalSpec.Now, fake.Created()).State!;

        var e = Assert.Single(GoalStream.Stamp(state, state.UserId, state.GoalId, Several(1), GoalSpec.Now, () => "e"));

        Assert.Equal(GoalSpec.Now.AddTicks(1), e.RecordedAt);
    }

    [Fact]
    public void Stamped_timestamps_are_in_UTC()
    {
        var state = spec.Given(fake.Created()).State!;
        var now = GoalSpec.Now.ToOffset(TimeSpan.FromHours(5.5));

        var e = Assert.Single(GoalStream.Stamp(state, state.UserId, state.GoalId, Several(1), now, () => "e"));

        Assert.Equal(TimeSpan.Zero, e.RecordedAt.Offset);
        Assert.Equal(GoalSpec.Now, e.RecordedAt);
    }

    [Fact]
    public void Stamping_nothing_gives_nothing() =>
        Assert.Empty(GoalStream.Stamp(spec.Given(fake.Created()).State, "u", "g", [], GoalSpec.Now, () => "e"));

    [Fact]
    public void Creating_a_goal_opens_one() => Assert.Equal(1, GoalStream.OpenGoalsDelta(null, [fake.Created()]));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Completing_an_open_goal_closes_one(bool paused)
    {
        var before = Open(paused);

        Assert.Equal(-1, GoalStream.OpenGoalsDelta(before, [new GoalCompleted(CompletionReason.Manual)]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Archiving_an_open_goal_closes_one(bool paused) =>
        Assert.Equal(-1, GoalStream.OpenGoalsDelta(Open(paused), [new GoalArchived()]));

    [Fact]
    public void Archiving_a_completed_goal_changes_nothing() =>
        Assert.Equal(0, GoalStream.OpenGoalsDelta(
            spec.Given(fake.Created(), new GoalCompleted(CompletionReason.Manual)).State, [new GoalArchived()]));

    [Fact]
    public void Pausing_and_resuming_change_nothing()
    {
        Assert.Equal(0, GoalStream.OpenGoalsDelta(Open(paused: false), [new GoalPaused(GoalSpec.Today)]));
        Assert.Equal(0, GoalStream.OpenGoalsDelta(Open(paused: true), [new GoalResumed(GoalSpec.Today)]));
    }

    [Fact]
    public void Logging_changes_nothing_unless_it_completes_the_goal()
    {
        var logged = fake.Logged(5m, GoalSpec.Now);

        Assert.Equal(0, GoalStream.OpenGoalsDelta(Open(paused: false), [logged]));
        Assert.Equal(-1, GoalStream.OpenGoalsDelta(Open(paused: false), [logged, new GoalCompleted(CompletionReason.TargetReached)]));
    }

    private GoalState Open(bool paused)
    {
        var s = new GoalSpec().Given(fake.Created(GoalPattern.Total));
        return (paused ? s.Given(new GoalPaused(GoalSpec.Today)) : s).State!;
    }
}
