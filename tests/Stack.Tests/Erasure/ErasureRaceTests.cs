using System.Collections.Concurrent;
using Lifestyle.Projections.Stream;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests.Erasure;

/// <summary>What runs beside and after an erasure: commands, the projector (with late records) and replay --all.</summary>
[Collection(ErasureCollection.Name)]
public sealed class ErasureRaceTests(NotificationStackFixture fixture)
{
    private StackFixture Stack => fixture.Stack;

    [Fact]
    public async Task Concurrent_commands_late_records_and_replay_all_bring_nothing_back()
    {
        var userId = StackFixture.NewUserId();
        var client = Stack.ClientFor(userId);
        var goals = await EventSeeder.GoalsAsync(client);
        await EventSeeder.AppendLogsAsync(Stack, userId, goals[0], 2_000);
        await client.WaitForVersionAsync(goals[0], 2_001);
        var head = (await Stack.GetItemAsync(userId, $"GOAL#{goals[0]}"))!;
        var lastEvent = (await Stack.PartitionAsync(userId)).Last(i => i["SK"].S.StartsWith($"ACTIVITY#{goals[0]}#", StringComparison.Ordinal));

        using var stop = new CancellationTokenSource();
        var statuses = new ConcurrentBag<int>();
        var writers = goals.Take(2).Select(goal => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await client.PostAsync($"/v1/goals/{goal}/activities",
                    new StringContent("{\"value\":1}", System.Text.Encoding.UTF8, "application/json"));
                statuses.Add((int)response.StatusCode);
            }
        })).ToList();
        await Task.Delay(300);
        var (erasureId, _) = await client.EraseAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Contains(201, statuses);
        Assert.All(statuses, s => Assert.Contains(s, new[] { 201, 409, 404 }));
        await Task.Delay(1500); // past the projector's batch window
        Assert.Empty(await Stack.PartitionAsync(userId));

        // A late delivery of records from before the erasure: the old head and its last event.
        var late = new List<ChangeRecord>
        {
            ReadModelProbe.Record(userId, lastEvent["SK"].S, "900000000000000000001", "INSERT", lastEvent),
            ReadModelProbe.Record(userId, $"GOAL#{goals[0]}", "900000000000000000002", "MODIFY", head),
            ReadModelProbe.Record(userId, $"GOAL#{goals[1]}", "900000000000000000003", "REMOVE"),
        };
        Assert.Equal(BatchOutcome.Success, await Stack.Handler.HandleAsync(late, default));

        var replay = await Stack.RunCliAsync("replay", "--all");
        Assert.True(replay.ExitCode == 0, replay.ToString());
        await Task.Delay(500);
        Assert.Empty(await Stack.PartitionAsync(userId));
        Assert.Empty(await Stack.RedisKeysOfAsync(userId));
        Assert.Equal("done", (string)(await client.SendOkAsync(HttpMethod.Get, $"/v1/me/erasure/{erasureId}"))["status"]!);
    }
}
