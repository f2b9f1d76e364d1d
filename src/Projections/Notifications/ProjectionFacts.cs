using System.Globalization;
using System.Text.Json.Nodes;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;
using Lifestyle.Projections.Projection;

namespace Lifestyle.Projections.Notifications;

/// <summary>
/// What a projection pass newly made true (docs/product-rules.md §6): the goal completed; a total goal's 25/50/75/100 % or a
/// milestones goal's thresholds first reached (a jump from 0 to 60 % is 25 and 50); a streak crossing 7, 30, 100
/// or 365 days (weeks for weekly goals). Each carries the recordedAt of the event that made it true.
/// </summary>
public static class ProjectionFacts
{
    public static readonly IReadOnlyList<int> StreakThresholds = [7, 30, 100, 365];

    public static List<Notification> Of(ProjectionResult result)
    {
        var facts = new List<Notification>();
        var state = result.Before;
        foreach (var e in result.Applied)
        {
            var next = GoalProjection.Evolve(state, e)!;
            foreach (var percent in next.ReachedPercents.Where(x => state is null || !state.ReachedPercents.Contains(x)))
            {
                facts.Add(Fact(next, NotificationTypes.GoalMilestone, $"percent#{percent}", e, new JsonObject { ["percent"] = percent }));
            }

            foreach (var reached in next.ReachedMilestones.Where(m => state is null || state.ReachedMilestones.All(x => x.Threshold != m.Threshold)))
            {
                facts.Add(Fact(next, NotificationTypes.GoalMilestone, $"milestone#{Number(reached.Threshold)}", e,
                    new JsonObject { ["threshold"] = reached.Threshold }));
            }

            if (e.Event is GoalCompleted)
            {
                facts.Add(Fact(next, NotificationTypes.GoalCompleted, "completed", e, []));
            }

            state = next;
        }

        facts.AddRange(StreakMilestones(result));
        return facts;
    }

    private static IEnumerable<Notification> StreakMilestones(ProjectionResult result)
    {
        var after = result.After;
        var asOf = GoalClock.LocalDate(after.LastRecordedAt, after.Timezone);
        if (StreakCalculator.Evaluate(after, asOf) is not { Current: > 0 } streak)
        {
            yield break;
        }

        var before = result.Before is { } b ? StreakCalculator.Evaluate(b, asOf)?.Current ?? 0 : 0;
        var crossed = StreakThresholds.Where(t => before < t && streak.Current >= t).ToList();
        if (crossed.Count == 0)
        {
            yield break;
        }

        var runStart = StreakRun.Start(after, asOf, streak.Current);
        foreach (var threshold in crossed)
        {
            yield return Fact(after, NotificationTypes.StreakMilestone, $"streak#{streak.Unit}#{runStart:yyyy-MM-dd}#{threshold}",
                result.Applied[^1], new JsonObject { [streak.Unit] = threshold });
        }
    }

    private static Notification Fact(GoalProjection p, string type, string factKey, EventEnvelope trigger, JsonObject data) =>
        new(type, p.UserId, p.GoalId, factKey, trigger.RecordedAt, data);

    /// <summary>A decimal without trailing zeros, so 100 and 100.0 name the same threshold.</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
