using System.Globalization;
using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Stack.Tests.Erasure;

/// <summary>Goals of every pattern through the API, then thousands of logs through the event store, 90 events a transaction.</summary>
public static class EventSeeder
{
    private const int PerAppend = 90;

    public static readonly object[] EveryPattern =
    [
        new { title = "Water", pattern = "daily", target = 8, unit = "glasses" },
        new { title = "Gym", pattern = "weekly", target = 30, timesPerWeek = 3, unit = "minutes" },
        new { title = "Pages", pattern = "total", target = 1_000_000, unit = "pages" },
        new { title = "Sugar", pattern = "limit", target = 50, unit = "g" },
        new { title = "Run", pattern = "milestones", milestones = new[] { 100_000, 500_000, 1_000_000 }, unit = "km" },
    ];

    /// <summary>One goal per pattern, started 60 days ago; returns their ids.</summary>
    public static async Task<List<string>> GoalsAsync(HttpClient client)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ids = new List<string>();
        foreach (var body in EveryPattern)
        {
            var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
            json["startDate"] = start;
            ids.Add(await client.CreateGoalAsync(json));
        }

        return ids;
    }

    /// <summary>Appends <paramref name="count"/> ActivityLogged events spread over the last 50 days.</summary>
    public static async Task AppendLogsAsync(StackFixture stack, string userId, string goalId, int count)
    {
        var store = stack.Api.Services.GetRequiredService<DynamoGoalStore>();
        var state = (await store.LoadHeadAsync(userId, goalId, Freshness.Consistent, CancellationToken.None))!.State;
        var random = new Random(count);
        for (var done = 0; done < count; done += PerAppend)
        {
            var now = DateTimeOffset.UtcNow;
            var (before, after, stamped) = (state, state, new List<EventEnvelope>());
            for (var i = 0; i < Math.Min(PerAppend, count - done); i++)
            {
                var intent = new LogActivity(1 + random.Next(5), now.AddMinutes(-random.Next(50 * 24 * 60)), null);
                var events = GoalStream.Stamp(after, userId, goalId, GoalDecider.Decide(after, intent, now), now, () => Guid.NewGuid().ToString("N"));
                after = events.Aggregate((GoalState?)after, GoalState.Evolve)!;
                stamped.AddRange(events);
            }

            var response = new CommandResult(201, new CommandResponse(goalId, after.Version));
            var outcome = await store.AppendAsync(new AppendRequest(before, after, stamped, 0, null, response, now), CancellationToken.None);
            if (outcome != AppendOutcome.Appended)
            {
                throw new InvalidOperationException($"seeding goal {goalId}: {outcome}");
            }

            state = after;
        }
    }
}
