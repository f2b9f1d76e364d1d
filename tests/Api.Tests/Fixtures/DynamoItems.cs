using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Api.Tests.Fixtures;

/// <summary>Reads the stored items directly, to check what a command appended (or did not).</summary>
public static class DynamoItems
{
    public static Task<List<Dictionary<string, AttributeValue>>> EventItemsAsync(this ApiFixture api, string user, string goalId) =>
        api.QueryPrefixAsync(user, $"ACTIVITY#{goalId}#");

    public static Task<List<Dictionary<string, AttributeValue>>> GoalHeadItemsAsync(this ApiFixture api, string user) =>
        api.QueryPrefixAsync(user, "GOAL#");

    public static async Task<Dictionary<string, AttributeValue>> GoalHeadAsync(this ApiFixture api, string user, string goalId) =>
        (await api.Dynamo.Client.GetItemAsync(new GetItemRequest
        {
            TableName = api.Dynamo.TableName,
            ConsistentRead = true,
            Key = new() { ["PK"] = new($"USER#{user}"), ["SK"] = new($"GOAL#{goalId}") },
        })).Item;

    private static async Task<List<Dictionary<string, AttributeValue>>> QueryPrefixAsync(this ApiFixture api, string user, string prefix)
    {
        var request = new QueryRequest
        {
            TableName = api.Dynamo.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :prefix)",
            ExpressionAttributeValues = new() { [":pk"] = new($"USER#{user}"), [":prefix"] = new(prefix) },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await api.Dynamo.Client.QueryAsync(request);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return items;
    }
}
