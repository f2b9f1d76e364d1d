using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;
using Xunit.Abstractions;

namespace Lifestyle.Stack.Tests;

/// <summary>A stack of its own: these tests SIGSTOP DynamoDB Local, which no other test class may see.</summary>
[CollectionDefinition(Name)]
public sealed class DynamoHangCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "dynamodb-hang";
}

/// <summary>
/// With the store hung, a command answers 503 service-unavailable with Retry-After within the 5 s
/// request deadline (it hung 40 s before), reads without minVersion still answer from Redis, and the
/// client's retry with the same Idempotency-Key after the store is back lands its event exactly once.
/// </summary>
[Collection(DynamoHangCollection.Name)]
public sealed class DynamoHangTests(StackFixture stack, ITestOutputHelper output)
{
    [Fact]
    public async Task With_the_store_hung_a_command_answers_503_within_the_deadline_and_its_retry_lands_exactly_once()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8, timezone = "Europe/Berlin" });
        var version = await client.LogAsync(goalId, 1);
        await stack.WaitForCachedVersionAsync(user, goalId, version, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));
        var key = Guid.NewGuid().ToString("N");

        stack.Dynamo.Hang(true);
        try
        {
            var clock = Stopwatch.StartNew();
            using var hung = await LogWithKeyAsync(client, goalId, key);
            output.WriteLine($"command with the store hung: {(int)hung.StatusCode} in {clock.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, hung.StatusCode);
            Assert.Equal("application/problem+json", hung.Content.Headers.ContentType?.MediaType);
            Assert.Equal("service-unavailable", (string?)JsonNode.Parse(await hung.Content.ReadAsStringAsync())!["code"]);
            Assert.True(hung.Headers.RetryAfter is not null, "no Retry-After");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6.5), $"took {clock.ElapsedMilliseconds} ms");

            var read = Stopwatch.StartNew();
            using var view = await client.GetAsync($"/v1/goals/{goalId}");
            output.WriteLine($"goal view with the store hung: {(int)view.StatusCode} in {read.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
            Assert.True(read.Elapsed < TimeSpan.FromSeconds(1), $"read took {read.ElapsedMilliseconds} ms");

            var ready = Stopwatch.StartNew();
            using var health = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.True(ready.Elapsed < TimeSpan.FromSeconds(1), $"readiness took {ready.ElapsedMilliseconds} ms");
        }
        finally
        {
            stack.Dynamo.Hang(false);
        }

        using var retry = await LogWithKeyAsync(client, goalId, key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        using var again = await LogWithKeyAsync(client, goalId, key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(2, await EventCountAsync(user, goalId) - 1); // created + the first log + exactly one retried log
    }

    private static Task<HttpResponseMessage> LogWithKeyAsync(HttpClient client, string goalId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/goals/{goalId}/activities")
        {
            Content = new StringContent("""{"value": 2}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task<int> EventCountAsync(string user, string goalId)
    {
        var page = await stack.Dynamo.Client.QueryAsync(new QueryRequest
        {
            TableName = stack.Dynamo.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :sk)",
            ExpressionAttributeValues = new() { [":pk"] = new($"USER#{user}"), [":sk"] = new($"ACTIVITY#{goalId}#") },
        });
        return page.Items.Count;
    }
}
