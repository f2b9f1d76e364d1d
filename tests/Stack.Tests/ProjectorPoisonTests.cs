using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Projections.Stream;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// A goal whose projection keeps failing is retried (the batch names its record), then
/// parked after 3 failures (kept, visible, counted), while the other goals of the batch are projected.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ProjectorPoisonTests(StackFixture stack)
{
    [Fact]
    public async Task A_poison_goal_is_retried_then_parked_while_another_goal_in_the_same_batch_is_projected()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var poison = await client.CreateGoalAsync(new { title = "Poison", pattern = "total", target = 100 });
        var poisonVersion = await client.LogAsync(poison, 10);
        var healthy = await client.CreateGoalAsync(new { title = "Healthy", pattern = "daily", target = 8 });
        await stack.WaitForVersionAsync(user, $"PROGRESS#{poison}", poisonVersion, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));
        await stack.WaitForVersionAsync(user, $"PROGRESS#{healthy}", 1, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));
        await stack.WaitForStreamQuietAsync();

        // The poison: a next event (version 3) of a type nobody knows, written beside the goal's stream.
        // Its head is left alone, so the live consumer never hears of it; only our batch names the goal.
        var corrupt = await stack.WriteUnknownEventAsync(user, poison, poisonVersion + 1);
        try
        {
            var healthyVersion = await client.LogAsync(healthy, 3);
            ChangeRecord[] batch = [await stack.HeadRecordAsync(user, poison, "500"), await stack.HeadRecordAsync(user, healthy, "501")];
            var (failuresBefore, parkedBefore) = (stack.Metrics.Failures, stack.Metrics.Parked);

            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var outcome = await stack.Handler.HandleAsync(batch, CancellationToken.None);
                Assert.Equal("500", outcome.FirstFailedSequenceNumber);
                Assert.Equal(healthyVersion, ItemText.VersionOf((await stack.GetItemAsync(user, $"PROGRESS#{healthy}"))!));
                var failure = await FailureAsync(user, poison);
                Assert.Equal(attempt, failure.Number("attempts"));
                Assert.False(failure.TryGetValue("parked", out var parked) && parked.BOOL == true, $"parked after {attempt} failures");
            }

            Assert.Equal(BatchOutcome.Success, await stack.Handler.HandleAsync(batch, CancellationToken.None));
            var parkedItem = await FailureAsync(user, poison);
            Assert.True(parkedItem["parked"].BOOL);
            Assert.Equal(3, parkedItem.Number("attempts"));
            Assert.Contains("unknown.v1", parkedItem["lastError"].S, StringComparison.Ordinal);
            Assert.Equal((user, poison), (parkedItem["userId"].S, parkedItem["goalId"].S));
            Assert.True(stack.Metrics.Failures >= failuresBefore + 3, "failures counted");
            Assert.True(stack.Metrics.Parked >= parkedBefore + 1, "parked goal counted");

            // Parked: its read models stay where they were, and it no longer holds the batch back.
            Assert.Equal(poisonVersion, ItemText.VersionOf((await stack.GetItemAsync(user, $"PROGRESS#{poison}"))!));
            Assert.Equal(BatchOutcome.Success, await stack.Handler.HandleAsync(batch, CancellationToken.None));
        }
        finally
        {
            // Leave the shared table consistent for other tests (replay/verify of everything).
            await stack.Dynamo.Client.DeleteItemAsync(stack.Dynamo.TableName, corrupt);
            await stack.Dynamo.Client.DeleteItemAsync(stack.Dynamo.TableName, FailureKey(user, poison));
        }
    }

    private async Task<Dictionary<string, AttributeValue>> FailureAsync(string user, string goalId)
    {
        var response = await stack.Dynamo.Client.GetItemAsync(new GetItemRequest
        {
            TableName = stack.Dynamo.TableName, ConsistentRead = true, Key = FailureKey(user, goalId),
        });
        Assert.True(response.Item is { Count: > 0 }, $"no failure item for goal {goalId}");
        return response.Item;
    }

    private static Dictionary<string, AttributeValue> FailureKey(string user, string goalId) => PoisonEvents.FailureKey(user, goalId);
}
