using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>A poison for the projector: a next event of a type nobody knows, written beside a goal's stream.</summary>
public static class PoisonEvents
{
    public static async Task<Dictionary<string, AttributeValue>> WriteUnknownEventAsync(this StackFixture stack, string user, string goalId, long version)
    {
        var events = (await stack.PartitionAsync(user)).Where(i => i["SK"].S.StartsWith($"ACTIVITY#{goalId}#", StringComparison.Ordinal)).ToList();
        var last = DateTimeOffset.Parse(events.Max(i => i["recordedAt"].S)!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        var at = last.AddMilliseconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var key = new Dictionary<string, AttributeValue> { ["PK"] = new($"USER#{user}"), ["SK"] = new($"ACTIVITY#{goalId}#{at}") };
        var item = new Dictionary<string, AttributeValue>(key)
        {
            ["entity"] = new("event"),
            ["userId"] = new(user),
            ["goalId"] = new(goalId),
            ["eventType"] = new("unknown.v1"),
            ["version"] = new() { N = version.ToString(CultureInfo.InvariantCulture) },
            ["eventId"] = new(Guid.NewGuid().ToString("N")),
            ["recordedAt"] = new(at),
            ["schemaVersion"] = new() { N = "1" },
            ["data"] = new() { M = new() { ["whatever"] = new("x") } },
        };
        await stack.Dynamo.Client.PutItemAsync(stack.Dynamo.TableName, item);
        return key;
    }

    public static Dictionary<string, AttributeValue> FailureKey(string user, string goalId) =>
        new() { ["PK"] = new("SYSTEM#PROJECTOR"), ["SK"] = new($"FAILURE#{user}#{goalId}") };
}
