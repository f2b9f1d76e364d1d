using System.Globalization;
using System.Net;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class EventStoreTests(ApiFixture api)
{
    [Fact]
    public async Task Concurrent_appends_to_one_goal_all_succeed_with_consecutive_versions()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily(target: 100));

        const int writers = 24;
        var responses = await Task.WhenAll(Enumerable.Range(1, writers).Select(i =>
            client.PostJsonAsync($"/v1/goals/{goalId}/activities", new { value = i })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var versions = new List<long>();
        foreach (var r in responses)
        {
            versions.Add((long)(await r.ReadObjectAsync())["version"]!);
        }

        Assert.Equal(Enumerable.Range(2, writers).Select(v => (long)v), versions.Order());

        var items = await QueryEventsAsync(user, goalId);
        Assert.Equal(writers + 1, items.Count);
        Assert.Equal(Enumerable.Range(1, writers + 1).Select(v => (long)v), items.Select(Version));
        var values = items.Skip(1).Select(i => int.Parse(i["data"].M["value"].N, CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(1, writers), values);
    }

    [Fact]
    public async Task Event_items_read_by_a_plain_query_are_in_version_order_without_gaps()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Total(target: 10));
        await client.SendJsonAsync(HttpMethod.Patch, $"/v1/goals/{goalId}", new { title = "Read more pages" });
        var logged = await (await client.PostJsonAsync($"/v1/goals/{goalId}/activities", new { value = 3, note = "chapter 1" })).ReadObjectAsync();
        await client.SendJsonAsync(HttpMethod.Delete, $"/v1/goals/{goalId}/activities/{logged["activityId"]}");
        await client.PostJsonAsync($"/v1/goals/{goalId}/activities", new { value = 10 });

        var items = await QueryEventsAsync(user, goalId);

        Assert.Equal(
            ["goal-created.v1", "goal-definition-changed.v1", "activity-logged.v1", "activity-removed.v1", "activity-logged.v1", "goal-completed.v1"],
            items.Select(i => i["eventType"].S));
        Assert.Equal([1L, 2, 3, 4, 5, 6], items.Select(Version));
        Assert.All(items, i => Assert.Equal(i["SK"].S, $"ACTIVITY#{goalId}#{i["recordedAt"].S}"));
        Assert.Equal(items.Count, items.Select(i => i["eventId"].S).Distinct().Count());
        Assert.Equal("chapter 1", items[2]["data"].M["note"].S);
        Assert.Equal(["2", "1", "1", "1", "1", "1"], items.Select(i => i["schemaVersion"].N));
        var head = await GetAsync($"USER#{user}", $"GOAL#{goalId}");
        Assert.Equal("6", head["version"].N);
        Assert.Equal("completed", head["status"].S);
    }

    [Fact]
    public async Task Creating_and_closing_goals_moves_the_profile_counter()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var a = await client.CreateGoalAsync(Goals.Daily());
        var b = await client.CreateGoalAsync(Goals.Daily());
        await client.CreateGoalAsync(Goals.Daily());
        await client.PostJsonAsync($"/v1/goals/{a}/complete");
        await client.PostJsonAsync($"/v1/goals/{b}/pause");

        var profile = await GetAsync($"USER#{user}", "PROFILE");

        Assert.Equal("2", profile["openGoals"].N);
    }

    private async Task<List<Dictionary<string, AttributeValue>>> QueryEventsAsync(string user, string goalId)
    {
        var response = await api.Dynamo.Client.QueryAsync(new QueryRequest
        {
            TableName = api.Dynamo.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :prefix)",
            ExpressionAttributeValues = new()
            {
                [":pk"] = new($"USER#{user}"),
                [":prefix"] = new($"ACTIVITY#{goalId}#"),
            },
        });
        return response.Items;
    }

    private async Task<Dictionary<string, AttributeValue>> GetAsync(string pk, string sk) =>
        (await api.Dynamo.Client.GetItemAsync(new GetItemRequest
        {
            TableName = api.Dynamo.TableName,
            ConsistentRead = true,
            Key = new() { ["PK"] = new(pk), ["SK"] = new(sk) },
        })).Item;

    private static long Version(Dictionary<string, AttributeValue> item) =>
        long.Parse(item["version"].N, CultureInfo.InvariantCulture);
}
