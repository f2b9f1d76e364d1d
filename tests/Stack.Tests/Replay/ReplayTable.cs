using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Stack.Tests;

/// <summary>Direct table access for the replay tests: reading, and changing items behind the system's back.</summary>
public static class ReplayTable
{
    public static IAmazonDynamoDB Db(this StackFixture stack) => stack.Services.GetRequiredService<IAmazonDynamoDB>();

    public static async Task<ReadModelKeys> LiveKeysAsync(this StackFixture stack) =>
        new((await ReadModelConfig.GetAsync(stack.Db(), stack.Dynamo.TableName, CancellationToken.None)).Live);

    public static DateOnly TodayUtc => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Every item of a user's partition, in key order (consistent reads).</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> PartitionAsync(this StackFixture stack, string userId)
    {
        var request = new QueryRequest
        {
            TableName = stack.Dynamo.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new(Keys.User(userId)) },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await stack.Db().QueryAsync(request);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return items;
    }

    /// <summary>Events, goal heads and idempotency records: what the write side owns.</summary>
    public static bool IsWriteSide(Dictionary<string, AttributeValue> item) =>
        item[Keys.SK].S.StartsWith("ACTIVITY#", StringComparison.Ordinal)
        || item[Keys.SK].S.StartsWith(Keys.GoalPrefix, StringComparison.Ordinal)
        || item[Keys.SK].S.StartsWith("IDEMPOTENCY#", StringComparison.Ordinal);

    /// <summary>Each item as "SK => exact attribute map", sorted by SK.</summary>
    public static List<string> Dump(IEnumerable<Dictionary<string, AttributeValue>> items) =>
        items.OrderBy(i => i[Keys.SK].S, StringComparer.Ordinal).Select(i => $"{i[Keys.SK].S} => {Exact(new AttributeValue { M = i })}").ToList();

    /// <summary>An attribute value with nothing normalized: type tags, numbers as stored, maps by sorted key.</summary>
    public static string Exact(AttributeValue v) =>
        v.S is not null ? "S:" + v.S
        : v.N is not null ? "N:" + v.N
        : v.BOOL is { } b ? "BOOL:" + b.ToString(CultureInfo.InvariantCulture)
        : v.NULL == true ? "NULL"
        : v.M is not null ? "{" + string.Join(",", v.M.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={Exact(kv.Value)}")) + "}"
        : v.L is not null ? "[" + string.Join(",", v.L.Select(Exact)) + "]"
        : v.SS is not null ? "SS:" + string.Join(",", v.SS.Order(StringComparer.Ordinal))
        : "?";

    public static async Task<Dictionary<string, AttributeValue>?> GetItemAsync(this StackFixture stack, string userId, string sk)
    {
        var response = await stack.Db().GetItemAsync(new GetItemRequest
        {
            TableName = stack.Dynamo.TableName,
            ConsistentRead = true,
            Key = Key(userId, sk),
        });
        return response.IsItemSet && response.Item is { Count: > 0 } item ? item : null;
    }

    public static Task PutItemAsync(this StackFixture stack, Dictionary<string, AttributeValue> item) =>
        stack.Db().PutItemAsync(new PutItemRequest { TableName = stack.Dynamo.TableName, Item = item });

    public static Task DeleteItemAsync(this StackFixture stack, string userId, string sk) =>
        stack.Db().DeleteItemAsync(new DeleteItemRequest { TableName = stack.Dynamo.TableName, Key = Key(userId, sk) });

    /// <summary>Sets one attribute (or a map entry: "progress.current") of an item.</summary>
    public static Task SetAsync(this StackFixture stack, string userId, string sk, string path, AttributeValue value)
    {
        var names = path.Split('.');
        return stack.Db().UpdateItemAsync(new UpdateItemRequest
        {
            TableName = stack.Dynamo.TableName,
            Key = Key(userId, sk),
            ConditionExpression = "attribute_exists(PK)",
            UpdateExpression = "SET " + string.Join(".", names.Select((_, i) => $"#n{i}")) + " = :v",
            ExpressionAttributeNames = names.Select((n, i) => (n, i)).ToDictionary(x => $"#n{x.i}", x => x.n),
            ExpressionAttributeValues = new() { [":v"] = value },
        });
    }

    /// <summary>Polls (every 50 ms) until the condition holds; fails after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {seconds} s: {what}");
            }

            await Task.Delay(50);
        }
    }

    private static Dictionary<string, AttributeValue> Key(string userId, string sk) =>
        new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(sk) };
}
