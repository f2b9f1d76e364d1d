using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Stack.Tests.Fixtures;
using StackExchange.Redis;
using Xunit;

namespace Lifestyle.Stack.Tests.Erasure;

/// <summary>Erases through the API and looks for what could be left of a user: table items, Redis keys, the audit item.</summary>
public static class ErasureProbe
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ConnectionMultiplexer> Connections = new();

    /// <summary>DELETE /v1/me, then the status until it says done (30 s); returns the erasure id and the final status.</summary>
    public static async Task<(string ErasureId, JsonObject Status)> EraseAsync(this HttpClient client)
    {
        var started = await client.SendOkAsync(HttpMethod.Delete, "/v1/me", expected: HttpStatusCode.Accepted);
        var id = (string)started["erasureId"]!;
        Assert.Contains((string)started["status"]!, new[] { "pending", "done" });
        return (id, await client.WaitDoneAsync(id));
    }

    public static async Task<JsonObject> WaitDoneAsync(this HttpClient client, string erasureId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await client.SendOkAsync(HttpMethod.Get, $"/v1/me/erasure/{erasureId}");
            if ((string)status["status"]! == "done")
            {
                return status;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"erasure {erasureId} still {status.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits (30 s) until the goal's read model reached <paramref name="version"/>.</summary>
    public static async Task WaitForVersionAsync(this HttpClient client, string goalId, long version)
    {
        var clock = Stopwatch.StartNew();
        while ((await client.GetAsync($"/v1/goals/{goalId}?minVersion={version}")).Headers.Contains("Lifestyle-Consistency"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"read model of {goalId} still behind version {version}");
        }
    }

    public static async Task WaitForItemAsync(this StackFixture stack, string userId, string sk)
    {
        var clock = Stopwatch.StartNew();
        while (await stack.GetItemAsync(userId, sk) is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"no item {sk}");
            await Task.Delay(100);
        }
    }

    /// <summary>Every Redis key whose name contains the user id (SCAN, as an auditor would look).</summary>
    public static async Task<List<string>> RedisKeysOfAsync(this StackFixture stack, string userId)
    {
        var redis = Connections.GetOrAdd(stack.Redis.Configuration, c => ConnectionMultiplexer.Connect(c));
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: $"*{userId}*", pageSize: 1000))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    /// <summary>Items of a system partition whose attributes mention the user anywhere.</summary>
    public static async Task<List<string>> SystemItemsNamingAsync(this StackFixture stack, string partition, string userId)
    {
        var response = await stack.Dynamo.Client.QueryAsync(new QueryRequest
        {
            TableName = stack.Dynamo.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new(partition) },
        });
        return (response.Items ?? []).Where(i => Mentions(i, userId)).Select(i => i["SK"].S).ToList();
    }

    public static async Task<Dictionary<string, AttributeValue>> AuditAsync(this StackFixture stack, string erasureId)
    {
        var response = await stack.Dynamo.Client.GetItemAsync(new GetItemRequest
        {
            TableName = stack.Dynamo.TableName,
            ConsistentRead = true,
            Key = new() { ["PK"] = new($"ERASURE#{erasureId}"), ["SK"] = new("AUDIT") },
        });
        Assert.True(response.Item is { Count: > 0 }, $"no audit item for {erasureId}");
        return response.Item;
    }

    public static bool Mentions(Dictionary<string, AttributeValue> item, string text) =>
        item.Values.Any(v => Mentions(v, text));

    private static bool Mentions(AttributeValue v, string text) =>
        (v.S?.Contains(text, StringComparison.Ordinal) ?? false)
        || (v.M is { Count: > 0 } m && Mentions(m, text))
        || (v.L is { Count: > 0 } l && l.Any(x => Mentions(x, text)))
        || (v.SS is { Count: > 0 } ss && ss.Any(s => s.Contains(text, StringComparison.Ordinal)));
}
