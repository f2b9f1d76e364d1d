using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// The daily close's data set: active daily goals (UTC, 8 glasses, five per user), created five days before the
/// closed day, with a fixed mix decided by the domain: 10 % met every day through the closed day (at risk the day
/// after), 5 % met until the day before it (broken), 85 % logged below target once (nothing to say). Each goal is
/// its head (GSI1 status shard) and its live <c>PROGRESS#</c> fold, what the job reads; no events are stored.
/// </summary>
public static class DailyCloseData
{
    public const double AtRiskShare = 0.10;
    public const double BrokenShare = 0.05;

    /// <summary>The UTC day to close: yesterday, or the day before when yesterday was a Sunday (no weekly summaries in the mix).</summary>
    public static DateOnly ClosedDay()
    {
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        return yesterday.DayOfWeek == DayOfWeek.Sunday ? yesterday.AddDays(-1) : yesterday;
    }

    public static IEnumerable<Dictionary<string, AttributeValue>> Items(string runId, int goals, DateOnly closed)
    {
        for (var i = 0; i < goals; i++)
        {
            var (head, progress) = Goal($"bench-{runId}-close-{goals}-{i / 5:D5}", i, closed);
            yield return head;
            yield return progress;
        }
    }

    private static (Dictionary<string, AttributeValue> Head, Dictionary<string, AttributeValue> Progress) Goal(string userId, int i, DateOnly closed)
    {
        var goalId = Guid.CreateVersion7().ToString("N");
        var start = closed.AddDays(-5);
        var created = At(start, 6 * 60);
        var events = new List<EventEnvelope>();
        GoalState? state = null;
        void Apply(IReadOnlyList<GoalEvent> decided, DateTimeOffset now)
        {
            var stamped = GoalStream.Stamp(state, userId, goalId, decided, now, () => Guid.CreateVersion7(now).ToString("N"));
            state = stamped.Aggregate(state, GoalState.Evolve);
            events.AddRange(stamped);
        }

        Apply(GoalDecider.Create(new CreateGoal(goalId, userId, GoalPattern.Daily,
            new GoalDefinition("Drink 8 glasses of water daily", 8, "glasses", null, null, null), null, "UTC", "water-8-glasses"), i % 5, created), created);
        var share = (i % 20) / 20.0;
        var metUntil = share < AtRiskShare ? closed : share < AtRiskShare + BrokenShare ? closed.AddDays(-1) : (DateOnly?)null;
        for (var day = start; day <= closed; day = day.AddDays(1))
        {
            var at = At(day, 12 * 60);
            if (metUntil is { } until && day <= until)
            {
                Apply(GoalDecider.Decide(state!, new LogActivity(8, at, null), at), at);
            }
            else if (metUntil is null && day == closed.AddDays(-2))
            {
                Apply(GoalDecider.Decide(state!, new LogActivity(3, at, null), at), at);
            }
        }

        var fold = GoalProjection.Fold(events)!;
        return (GoalHeadItems.ToItem(state!), ReadModelItems.Progress(fold, ReadModelKeys.Live));
    }

    private static DateTimeOffset At(DateOnly day, int minuteOfDay) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(minuteOfDay);
}
