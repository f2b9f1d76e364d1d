using System.Globalization;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests.Replay;

/// <summary>
/// A goal whose creation was stored at payload schema 1 (its ids repeated in <c>data</c>, as earlier builds wrote
/// it) is read as the current event everywhere: replay rebuilds it, verify finds it clean, export and views show it,
/// and commands go on appending to it (docs/adr/0009-versioned-stored-formats.md).
/// </summary>
[Collection(ReplayCollection.Name)]
public sealed class SchemaUpcastTests(StackFixture stack)
{
    [Fact]
    public async Task A_goal_created_at_schema_1_is_rebuilt_verified_exported_and_commanded_as_usual()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var goalId = await client.CreateGoalAsync(new { title = "Old water", pattern = "daily", target = 8, unit = "glasses" });
        await StoreAtSchema1Async(user, goalId);

        var replay = await stack.RunCliAsync("replay", "--goal", goalId, "--user", user);
        Assert.True(replay.ExitCode == 0, replay.ToString());
        var verify = await stack.RunCliAsync("verify", "--goal", goalId, "--user", user);
        Assert.True(verify.ExitCode == 0, verify.ToString());

        var logged = await client.LogAsync(goalId, 3);
        var view = await client.GoalAtAsync(goalId, logged);
        Assert.Equal(("Old water", "glasses", 3m), ((string)view["title"]!, (string)view["unit"]!, (decimal)view["progress"]!["current"]!));
        var export = await client.SendOkAsync(HttpMethod.Get, "/v1/export?format=json");
        Assert.Contains("Old water", export.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task StoreAtSchema1Async(string user, string goalId)
    {
        var created = (await stack.PartitionAsync(user)).Single(i => i["SK"].S.StartsWith($"ACTIVITY#{goalId}#", StringComparison.Ordinal));
        Assert.Equal("2", created["schemaVersion"].N);
        created["schemaVersion"] = new() { N = 1.ToString(CultureInfo.InvariantCulture) };
        created["data"].M["goalId"] = new(goalId);
        created["data"].M["userId"] = new(user);
        await stack.Dynamo.Client.PutItemAsync(stack.Dynamo.TableName, created);
    }
}
