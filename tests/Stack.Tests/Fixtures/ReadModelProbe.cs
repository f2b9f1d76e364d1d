using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Projections.Stream;
using Xunit;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>Reads a goal's table read models and builds stream records, for the projector tests.</summary>
public static class ReadModelProbe
{
    private static readonly string[] ReadModelPrefixes = ["PROGRESS#", "STREAK#", "ROLLUP#"];

    public static async Task<Dictionary<string, AttributeValue>?> GetItemAsync(this StackFixture stack, string userId, string sk)
    {
        var response = await stack.Dynamo.Client.GetItemAsync(new GetItemRequest
        {
            TableName = stack.Dynamo.TableName,
            ConsistentRead = true,
            Key = new() { ["PK"] = new($"USER#{userId}"), ["SK"] = new(sk) },
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Polls an item until its <c>version</c> is <paramref name="version"/>; fails once <paramref name="deadline"/> passes.</summary>
    public static async Task<Dictionary<string, AttributeValue>> WaitForVersionAsync(
        this StackFixture stack, string userId, string sk, long version, Stopwatch since, TimeSpan deadline)
    {
        while (true)
        {
            var item = await stack.GetItemAsync(userId, sk);
            if (item is not null && ItemText.VersionOf(item) == version)
            {
                return item;
            }

            Assert.True(since.Elapsed < deadline,
                $"{sk} of {userId} still at version {(item is null ? "none" : ItemText.VersionOf(item))}, not {version}, {since.ElapsedMilliseconds} ms after the command");
            await Task.Delay(20);
        }
    }

    /// <summary>Every read-model item of the goal (PROGRESS#, its snapshots, STREAK#, ROLLUP#), by sort key.</summary>
    public static async Task<SortedDictionary<string, Dictionary<string, AttributeValue>>> ReadModelsAsync(this StackFixture stack, string userId, string goalId)
    {
        var items = new SortedDictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        foreach (var item in await stack.PartitionAsync(userId))
        {
            var sk = item["SK"].S;
            if (ReadModelPrefixes.Any(p => sk == p + goalId || sk.StartsWith(p + goalId + "#", StringComparison.Ordinal)))
            {
                items[sk] = item;
            }
        }

        return items;
    }

    public static async Task<List<Dictionary<string, AttributeValue>>> PartitionAsync(this StackFixture stack, string userId)
    {
        var request = new QueryRequest
        {
            TableName = stack.Dynamo.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new($"USER#{userId}") },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await stack.Dynamo.Client.QueryAsync(request);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return items;
    }

    /// <summary>Deletes the goal's read models, so the next delivery has to rebuild them from the events.</summary>
    public static async Task DeleteReadModelsAsync(this StackFixture stack, string userId, string goalId)
    {
        foreach (var sk in (await stack.ReadModelsAsync(userId, goalId)).Keys)
        {
            await stack.Dynamo.Client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = stack.Dynamo.TableName,
                Key = new() { ["PK"] = new($"USER#{userId}"), ["SK"] = new(sk) },
            });
        }
    }

    /// <summary>A MODIFY record of the goal head, with its current image, as a stream would deliver it.</summary>
    public static async Task<ChangeRecord> HeadRecordAsync(this StackFixture stack, string userId, string goalId, string sequenceNumber) =>
        Record(userId, $"GOAL#{goalId}", sequenceNumber, "MODIFY", await stack.GetItemAsync(userId, $"GOAL#{goalId}"));

    public static ChangeRecord Record(
        string userId, string sk, string sequenceNumber, string eventName = "INSERT", Dictionary<string, AttributeValue>? image = null, string? pk = null) =>
        new(Guid.NewGuid().ToString("N"), eventName, sequenceNumber, "arn:aws:dynamodb:ddblocal:000000000000:table/lifestyle-test/stream/test",
            new Dictionary<string, AttributeValue> { ["PK"] = new(pk ?? $"USER#{userId}"), ["SK"] = new(sk) }, image);

    /// <summary>
    /// Waits until the live consumer has handed no new record to the handler for 200 ms, so no
    /// notification of an earlier command is still on its way (it would race with what the test does next).
    /// </summary>
    public static async Task WaitForStreamQuietAsync(this StackFixture stack)
    {
        var clock = Stopwatch.StartNew();
        var (seen, quietSince) = (stack.Metrics.Records, clock.Elapsed);
        while (clock.Elapsed - quietSince < TimeSpan.FromMilliseconds(200))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the stream never went quiet");
            await Task.Delay(25);
            if (stack.Metrics.Records != seen)
            {
                (seen, quietSince) = (stack.Metrics.Records, clock.Elapsed);
            }
        }
    }
}
