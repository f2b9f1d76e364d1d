using System.Net;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Notifications;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests.Erasure;

/// <summary>DELETE /v1/me on a user with goals of every pattern, 5,000 events, notifications and two read-model versions.</summary>
[Collection(ErasureCollection.Name)]
public sealed class ErasureTests(NotificationStackFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private StackFixture Stack => fixture.Stack;

    [Fact]
    public async Task Erasure_leaves_no_item_key_or_export_of_the_user_and_changes_nobody_else()
    {
        var version = $"v{Guid.NewGuid():N}"[..10];
        await ReadModelConfig.SetAsync(Stack.Dynamo.Client, Stack.Dynamo.TableName, new ReadModelSettings("v1", ["v1", version], ["v1"]), default);
        try
        {
            await Task.Delay(1200); // the projector re-reads the read-model config every 0.5 s here
            var (userId, client) = User();
            var (otherId, other) = User();
            var otherGoal = await other.CreateGoalAsync(new { title = "Other", pattern = "daily", target = 2 });
            await other.GoalAtAsync(otherGoal, await other.LogAsync(otherGoal, 1));
            var goals = await EventSeeder.GoalsAsync(client);
            foreach (var goal in goals)
            {
                await EventSeeder.AppendLogsAsync(Stack, userId, goal, 1_000);
            }

            await client.SendOkAsync(HttpMethod.Post, $"/v1/goals/{goals[0]}/pause", expected: HttpStatusCode.OK);
            await fixture.Get<NotificationStore>().TryRecordAsync(
                new Notification(NotificationTypes.GoalCompleted, userId, goals[2], "completed", DateTimeOffset.UtcNow, []),
                DateTimeOffset.UtcNow.AddHours(1), default);
            await OutsideItemsAsync(userId, goals[1]);
            await Stack.WaitForItemAsync(userId, new ReadModelKeys(version).Progress(goals[4]));
            foreach (var goal in goals)
            {
                await client.WaitForVersionAsync(goal, goal == goals[0] ? 1_002 : 1_001);
            }

            Assert.NotEmpty(await Stack.RedisKeysOfAsync(userId));
            var itemsBefore = (await Stack.PartitionAsync(userId)).Count;
            Assert.True(itemsBefore > 5_000, $"{itemsBefore} items");
            var otherBefore = Snapshot(await Stack.PartitionAsync(otherId));

            var (erasureId, status) = await client.EraseAsync();

            Assert.Empty(await Stack.PartitionAsync(userId));
            Assert.True((long)status["items"]! >= itemsBefore + 2, status.ToJsonString());
            Assert.NotNull(status["finishedAt"]);
            await Task.Delay(1500); // the projector runs on, past its batch window
            Assert.Empty(await Stack.PartitionAsync(userId));
            Assert.Empty(await Stack.RedisKeysOfAsync(userId));
            Assert.Empty(await Stack.SystemItemsNamingAsync(SystemKeys.Projector, userId));
            Assert.Empty(await Stack.SystemItemsNamingAsync(SystemKeys.Replay, userId));
            Assert.Empty(await Stack.SystemItemsNamingAsync("SYSTEM#ERASURE", userId));
            Assert.Equal("{\"goals\":[]}", await client.GetStringAsync("/v1/export?format=json"));
            Assert.Equal(otherBefore, Snapshot(await Stack.PartitionAsync(otherId)));

            var audit = await Stack.AuditAsync(erasureId);
            Assert.False(ErasureProbe.Mentions(audit, userId), "the audit item names the user");
            Assert.Matches("^[0-9a-f]{64}$", audit["userHash"].S);
            Assert.Equal(status["items"]!.ToString(), audit["items"].N);
            output.WriteLine($"{audit["items"].N} items erased in {(DateTimeOffset.Parse(audit["finishedAt"].S, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(audit["requestedAt"].S, System.Globalization.CultureInfo.InvariantCulture)).TotalMilliseconds:0} ms");
        }
        finally
        {
            await ReadModelConfig.SetAsync(Stack.Dynamo.Client, Stack.Dynamo.TableName, ReadModelSettings.Default, default);
        }
    }

    [Fact]
    public async Task After_done_the_user_is_unknown_and_starts_from_nothing()
    {
        var (_, client) = User();
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8 });
        var key = new HttpRequestMessage(HttpMethod.Post, $"/v1/goals/{goalId}/activities") { Content = Json("{\"value\":1}") };
        key.Headers.Add("Idempotency-Key", "k-1");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(key)).StatusCode);

        await client.EraseAsync();

        Assert.Equal("goal-not-found", await CodeAsync(await client.GetAsync($"/v1/goals/{goalId}")));
        var again = new HttpRequestMessage(HttpMethod.Post, $"/v1/goals/{goalId}/activities") { Content = Json("{\"value\":1}") };
        again.Headers.Add("Idempotency-Key", "k-1");
        Assert.Equal("goal-not-found", await CodeAsync(await client.SendAsync(again)));
        var created = await client.SendOkAsync(HttpMethod.Post, "/v1/goals", new { title = "Anew", pattern = "daily", target = 1 }, HttpStatusCode.Created);
        Assert.Equal(1, (long)created["version"]!);
        await client.GoalAtAsync((string)created["goalId"]!, 1);
        var list = await client.SendOkAsync(HttpMethod.Get, "/v1/goals?status=all");
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Another_users_or_an_unknown_erasure_id_is_404_erasure_not_found()
    {
        var (_, client) = User();
        var (_, stranger) = User();
        await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8 });
        var (erasureId, _) = await client.EraseAsync();

        foreach (var path in new[] { $"/v1/me/erasure/{erasureId}", "/v1/me/erasure/era_0000000000000000000000000000000a", "/v1/me/erasure/nonsense" })
        {
            var response = await stranger.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("erasure-not-found", await CodeAsync(response));
        }
    }

    private (string UserId, HttpClient Client) User()
    {
        var userId = StackFixture.NewUserId();
        return (userId, Stack.ClientFor(userId));
    }

    private async Task OutsideItemsAsync(string userId, string goalId)
    {
        await Stack.Dynamo.Client.PutItemAsync(Stack.Dynamo.TableName, new Dictionary<string, AttributeValue>
        {
            ["PK"] = new(SystemKeys.Projector), ["SK"] = new(SystemKeys.Failure(userId, goalId)), ["userId"] = new(userId), ["attempts"] = new() { N = "3" },
        });
        await Stack.Dynamo.Client.PutItemAsync(Stack.Dynamo.TableName, new Dictionary<string, AttributeValue>
        {
            ["PK"] = new(SystemKeys.Replay), ["SK"] = new($"RUN#{Guid.NewGuid():N}#SEGMENT#0000"), ["done"] = new() { BOOL = false },
            ["lastKey"] = new() { M = new() { ["PK"] = new($"USER#{userId}"), ["SK"] = new($"GOAL#{goalId}") } },
        });
    }

    private static List<string> Snapshot(List<Dictionary<string, AttributeValue>> items) =>
        items.Select(i => i["SK"].S + "@" + (i.TryGetValue("version", out var v) ? v.N : "-")).Order(StringComparer.Ordinal).ToList();

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    internal static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (string?)System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"];
}
