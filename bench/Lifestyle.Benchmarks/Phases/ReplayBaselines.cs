using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// The replay's raw baselines: every goal's events with the projector's Query (consistent, paged), alone and
/// followed by BatchWriteItem of as many items as the replay writes for that goal (its read-model items,
/// folded before the clock starts, under keys of their own), goals shared out to the same number of workers.
/// </summary>
public static class ReplayBaselines
{
    /// <summary>The raw baseline's own read-model keys, beside the replay's <c>--into</c> version.</summary>
    public static readonly ReadModelKeys ScratchKeys = new("rawbase");

    public sealed record Figures(long Events, long Items, TimeSpan Elapsed)
    {
        public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);
    }

    public static async Task<Figures> QueryAsync(IAmazonDynamoDB db, string table, List<ReplayPhase.GeneratedGoal> goals, int workers, bool write)
    {
        var next = -1;
        long events = 0, items = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < goals.Count)
            {
                var g = goals[i];
                Interlocked.Add(ref events, await QueryGoalAsync(db, table, g));
                if (write)
                {
                    foreach (var chunk in g.RawItems.Chunk(25))
                    {
                        await WriteBatchAsync(db, table, chunk);
                    }

                    Interlocked.Add(ref items, g.RawItems.Count);
                }
            }
        })));
        clock.Stop();
        var figures = new Figures(events, items, clock.Elapsed);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  raw Query{(write ? " + BatchWriteItem" : "")}: {events:N0} events{(write ? $", {items:N0} items written" : "")} of {goals.Count:N0} goals in {clock.Elapsed.TotalSeconds:0.0} s, {figures.EventsPerSecond:N0} events/s"));
        return figures;
    }

    /// <summary>BatchWriteItem of up to 25 items, retrying unprocessed items with a short backoff.</summary>
    public static async Task WriteBatchAsync(IAmazonDynamoDB db, string table, IReadOnlyList<Dictionary<string, AttributeValue>> batch)
    {
        var requests = new Dictionary<string, List<WriteRequest>>
        {
            [table] = batch.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }).ToList(),
        };
        for (var attempt = 0; requests.Count > 0; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(Math.Min(50 * attempt, 1000));
            }

            var response = await db.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = requests });
            requests = response.UnprocessedItems is { Count: > 0 } left && left.Values.Any(l => l.Count > 0) ? left : [];
        }
    }

    private static async Task<int> QueryGoalAsync(IAmazonDynamoDB db, string table, ReplayPhase.GeneratedGoal g)
    {
        var request = new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND SK BETWEEN :from AND :to",
            ExpressionAttributeValues = new()
            {
                [":pk"] = new(Keys.User(g.UserId)),
                [":from"] = new(Keys.EventPrefix(g.GoalId)),
                [":to"] = new(Keys.EventPrefix(g.GoalId) + "~"),
            },
        };
        var events = 0;
        do
        {
            var page = await db.QueryAsync(request);
            events += page.Count ?? 0;
            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });
        return events;
    }
}
