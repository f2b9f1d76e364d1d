using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Stream;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>What the projector takes from a stream batch: the goals it changed and the events it carries.</summary>
public sealed class BatchChangesTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static int sequence;

    [Fact]
    public void Each_changed_goal_comes_once_at_its_first_head_record_with_the_newest_head_version_and_its_events_in_order()
    {
        var goal = GoalHistory.Of(GoalPattern.Total, 100, Start);
        var v2 = goal.Log(5, At(9));
        var v3 = goal.Log(7, At(10));
        ChangeRecord[] batch =
        [
            Record(Keys.User(GoalHistory.UserId), "PROGRESS#" + GoalHistory.GoalId, "MODIFY", new() { ["version"] = new() { N = "1" } }),
            Event(v3), Head(goal, 3), Event(v2), Head(goal, 2),
        ];

        var change = Assert.Single(BatchChanges.Of(batch));

        Assert.Equal((GoalHistory.UserId, GoalHistory.GoalId, 2, 3L), (change.UserId, change.GoalId, change.FirstIndex, change.HeadVersion));
        Assert.Equal([2L, 3L], change.Events.Select(e => e.Version));
        Assert.Equal(7m, Assert.IsType<ActivityLogged>(change.Events[1].Event).Value);
    }

    [Fact]
    public void An_event_of_a_type_this_build_does_not_know_is_left_to_the_pass_to_query_and_fail_on()
    {
        var goal = GoalHistory.Of(GoalPattern.Total, 100, Start);
        var logged = goal.Log(5, At(9));
        var unknown = EventItems.ToItem(logged);
        unknown[EventItems.EventType] = new("goal-teleported.v1");

        var change = Assert.Single(BatchChanges.Of([Record(unknown[Keys.PK].S, unknown[Keys.SK].S, "INSERT", unknown), Head(goal, 2)]));

        Assert.Equal(2L, change.HeadVersion);
        Assert.Empty(change.Events);
    }

    [Fact]
    public void Removed_items_other_partitions_and_heads_without_an_image_are_handled_without_guessing()
    {
        var goal = GoalHistory.Of(GoalPattern.Total, 100, Start);
        ChangeRecord[] batch =
        [
            Record(Keys.User(GoalHistory.UserId), Keys.Goal("g-removed"), "REMOVE", null),
            Record("STREAM#checkpoint", Keys.Goal(GoalHistory.GoalId), "MODIFY", GoalHeadItems.ToItem(GoalState.Fold(goal.Events)!)),
            Record(Keys.User(GoalHistory.UserId), Keys.Goal(GoalHistory.GoalId), "MODIFY", null),
        ];

        var change = Assert.Single(BatchChanges.Of(batch));

        Assert.Equal((GoalHistory.GoalId, 2, 0L), (change.GoalId, change.FirstIndex, change.HeadVersion));
    }

    private static DateTimeOffset At(int hour) => new(Start.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static ChangeRecord Head(GoalHistory goal, long version) =>
        Record(Keys.User(GoalHistory.UserId), Keys.Goal(GoalHistory.GoalId), "MODIFY",
            GoalHeadItems.ToItem(GoalState.Fold(goal.Events.Where(e => e.Version <= version))!));

    private static ChangeRecord Event(EventEnvelope e)
    {
        var item = EventItems.ToItem(e);
        return Record(item[Keys.PK].S, item[Keys.SK].S, "INSERT", item);
    }

    private static ChangeRecord Record(string pk, string sk, string name, Dictionary<string, AttributeValue>? image) =>
        new(Guid.NewGuid().ToString("N"), name, $"{Interlocked.Increment(ref sequence):D21}", null,
            new Dictionary<string, AttributeValue> { ["PK"] = new(pk), ["SK"] = new(sk) }, image);
}
