using Amazon.DynamoDBv2.Model;
using Bogus;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// One goal at a time: created 14–60 days ago, then a realistic day-by-day history decided by the
/// domain (<see cref="GoalDecider"/>) at simulated clock times, so every event is one the API could have appended.
/// </summary>
internal sealed class ReplayDataSet(Faker f, string runId)
{
    private static readonly string[] Timezones =
        ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo", "Africa/Lagos", "Asia/Kolkata"];

    private string user = "";
    private int goalsLeftForUser;
    private int userCount;

    public (ReplayPhase.GeneratedGoal Goal, List<Dictionary<string, AttributeValue>> Items) NextGoal()
    {
        if (goalsLeftForUser-- <= 0)
        {
            var name = new string(f.Internet.UserName().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
            user = $"bench-{runId}-replay-{name}-{userCount++}";
            goalsLeftForUser = f.Random.Int(1, 4) - 1;
        }

        var goalId = Guid.CreateVersion7().ToString("N");
        var (pattern, definition, template, perDay) = f.Random.Int(0, 9) switch
        {
            < 4 => (GoalPattern.Daily, new GoalDefinition("Drink 8 glasses of water daily", 8, "glasses", null, null, null), "water-8-glasses", (Func<int>)(() => f.Random.Int(0, 8))),
            < 6 => (GoalPattern.Daily, new GoalDefinition($"{f.Hacker.Verb()} {f.Hacker.Noun()}", f.Random.Int(5, 60), "minutes", null, null, null), (string?)null, () => f.Random.Int(0, 3)),
            < 8 => (GoalPattern.Weekly, new GoalDefinition("Exercise 30 minutes 3x/week", 30, "minutes", 3, null, null), "exercise-30min-3x-week", () => f.Random.Bool(0.45f) ? 1 : 0),
            _ => (GoalPattern.Limit, new GoalDefinition("At most 2 coffees a day", 2, "cups", null, null, null), null, () => f.Random.Int(0, 3)),
        };
        var tz = f.PickRandom(Timezones);
        var days = f.Random.Int(14, 60);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = today.AddDays(-days);
        var envelopes = new List<EventEnvelope>();
        GoalState? state = null;

        void Apply(IReadOnlyList<GoalEvent> events, DateTimeOffset now)
        {
            var stamped = GoalStream.Stamp(state, user, goalId, events, now, () => Guid.CreateVersion7(now).ToString("N"));
            state = stamped.Aggregate(state, GoalState.Evolve);
            envelopes.AddRange(stamped);
        }

        var createdAt = At(first, 5 * 60 + f.Random.Int(0, 59));
        Apply(GoalDecider.Create(new CreateGoal(goalId, user, pattern, definition, null, tz, template), 0, createdAt), createdAt);
        var changeOn = f.Random.Bool(0.15f) ? f.Random.Int(1, days - 1) : -1;
        for (var d = 0; d < days; d++)
        {
            var day = first.AddDays(d);
            var minutes = Enumerable.Range(0, perDay()).Select(_ => f.Random.Int(6 * 60, (23 * 60) + 59)).Order().ToList();
            foreach (var minute in minutes)
            {
                var occurredAt = At(day, minute);
                var now = occurredAt.AddMinutes(f.Random.Int(0, 30));
                var note = f.Random.Bool(0.2f) ? f.Lorem.Sentence(f.Random.Int(3, 8)) : null;
                Decide(new LogActivity(pattern == GoalPattern.Limit ? f.Random.Int(0, 2) : f.Random.Int(1, 5), occurredAt, note), now);
                if (f.Random.Bool(0.015f) && state is not null && envelopes[^1].Event is ActivityLogged logged)
                {
                    Decide(new RemoveActivity(logged.ActivityId, new FoundActivity(logged.Value, logged.OccurredAt, logged.LocalDate)), now.AddMinutes(1));
                }
            }

            if (d == changeOn)
            {
                Decide(new ChangeDefinition(Title: $"{state!.Definition.Title} (revised)"), At(day, 23 * 60));
            }
        }

        void Decide(GoalIntent intent, DateTimeOffset now)
        {
            try
            {
                Apply(GoalDecider.Decide(state!, intent, now), now);
            }
            catch (GoalRuleException)
            {
                // A rule the generator did not foresee (e.g. a local date before the start): skip, as the API would refuse it.
            }
        }

        var items = envelopes.Select(EventItems.ToItem).Append(GoalHeadItems.ToItem(state!)).ToList();
        // What a replay writes for this goal, under the raw baseline's own keys (the baseline writes the same number of items).
        var raw = ReadModelItems.All(Domain.Progress.GoalProjection.Fold(envelopes)!, ReplayBaselines.ScratchKeys);
        return (new ReplayPhase.GeneratedGoal(user, goalId, envelopes.Count, raw), items);
    }

    private static DateTimeOffset At(DateOnly day, int minuteOfDay) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(minuteOfDay);
}
