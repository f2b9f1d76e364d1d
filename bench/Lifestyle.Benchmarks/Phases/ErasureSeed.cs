using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>One user's goals and logs decided by the domain and written with the app's item codecs (BatchWriteItem, heads last).</summary>
public static class ErasureSeed
{
    public const int Parallelism = 8;

    public static async Task WriteUserAsync(IAmazonDynamoDB db, string table, string userId, int goals, int eventsPerGoal)
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(eventsPerGoal);
        var events = new List<Dictionary<string, AttributeValue>>();
        var heads = new List<Dictionary<string, AttributeValue>>();
        for (var g = 0; g < goals; g++)
        {
            var goalId = Guid.CreateVersion7().ToString("N");
            var create = new CreateGoal(goalId, userId, GoalPattern.Daily, new GoalDefinition($"Goal {g}", 8, "glasses", null, null, null),
                DateOnly.FromDateTime(now.UtcDateTime).AddDays(-60), "UTC", null);
            var stamped = GoalStream.Stamp(null, userId, goalId, GoalDecider.Create(create, 0, now), now, NewId).ToList();
            var state = stamped.Aggregate((GoalState?)null, GoalState.Evolve)!;
            for (var i = 1; i < eventsPerGoal; i++)
            {
                var intent = new LogActivity(1 + random.Next(3), now.AddMinutes(-random.Next(50 * 24 * 60)), null);
                var more = GoalStream.Stamp(state, userId, goalId, GoalDecider.Decide(state, intent, now), now, NewId);
                state = more.Aggregate((GoalState?)state, GoalState.Evolve)!;
                stamped.AddRange(more);
            }

            events.AddRange(stamped.Select(EventItems.ToItem));
            heads.Add(GoalHeadItems.ToItem(state));
        }

        heads.Add(new()
        {
            [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(Keys.Profile), ["entity"] = new("profile"),
            ["openGoals"] = new() { N = goals.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        await WriteAsync(db, table, events.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }));
        await WriteAsync(db, table, heads.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }));
    }

    /// <summary>BatchWriteItem, 25 a call, <see cref="Parallelism"/> calls in flight, unprocessed items resent.</summary>
    public static Task WriteAsync(IAmazonDynamoDB db, string table, IEnumerable<WriteRequest> requests) =>
        Parallel.ForEachAsync(requests.Chunk(25), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (chunk, ct) =>
        {
            var left = chunk.ToList();
            while (left.Count > 0)
            {
                var response = await db.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = left } }, ct);
                left = response.UnprocessedItems is { } u && u.TryGetValue(table, out var again) ? again : [];
            }
        });

    /// <summary>Every key of the user's partition (keys only, consistent).</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> KeysAsync(IAmazonDynamoDB db, string table, string userId)
    {
        var request = new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk",
            ProjectionExpression = "PK, SK",
            ExpressionAttributeValues = new() { [":pk"] = new(Keys.User(userId)) },
        };
        var keys = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await db.QueryAsync(request);
            keys.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return keys;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
