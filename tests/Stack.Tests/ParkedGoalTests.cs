using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Projections.Stream;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// A parked goal stays visible in reads — at the version the projector applied last, with its last
/// figures and <c>"projection": "parked"</c> — a minVersion it cannot reach answers stale at once, and
/// <c>replay --parked</c> repairs it once the cause is gone.
/// </summary>
[Collection(ReplayCollection.Name)]
public sealed class ParkedGoalTests(StackFixture stack)
{
    [Fact]
    public async Task A_parked_goal_is_listed_and_viewed_as_parked_and_replay_parked_repairs_it()
    {
        var user = StackFixture.NewUserId();
        using var client = stack.ClientFor(user);
        var poison = await client.CreateGoalAsync(new { title = "Poison", pattern = "daily", target = 8 });
        var applied = await client.LogAsync(poison, 3);
        var healthy = await client.CreateGoalAsync(new { title = "Healthy", pattern = "daily", target = 8 });
        await stack.WaitForVersionAsync(user, $"PROGRESS#{poison}", applied, Stopwatch.StartNew(), TimeSpan.FromSeconds(5));
        await stack.WaitForStreamQuietAsync();
        var corrupt = await stack.WriteUnknownEventAsync(user, poison, applied + 1);
        try
        {
            ChangeRecord[] batch = [await stack.HeadRecordAsync(user, poison, "700")];
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await stack.Handler.HandleAsync(batch, CancellationToken.None);
            }

            var view = await EventuallyAsync(client, $"/v1/goals/{poison}", v => (string?)v["projection"] == "parked");
            Assert.Equal(applied, (long)view["version"]!);
            Assert.Equal(3m, (decimal)view["progress"]!["current"]!);

            var list = await client.SendOkAsync(HttpMethod.Get, "/v1/goals?status=all");
            var items = list["items"]!.AsArray().ToDictionary(i => (string)i!["goalId"]!, i => (string?)i!["projection"]);
            Assert.Equal("parked", items[poison]);
            Assert.Equal("ok", items[healthy]);
            var dashboard = await client.SendOkAsync(HttpMethod.Get, "/v1/dashboard");
            Assert.Contains(dashboard["goals"]!.AsArray(), g => (string)g!["goalId"]! == poison && (string?)g["projection"] == "parked");

            var clock = Stopwatch.StartNew();
            using var stale = await client.GetAsync($"/v1/goals/{poison}?minVersion={applied + 1}");
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.True(stale.Headers.Contains("Lifestyle-Consistency"), "a parked goal below minVersion is not marked stale");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"waited {clock.ElapsedMilliseconds} ms for a goal that cannot move");
        }
        finally
        {
            await stack.Dynamo.Client.DeleteItemAsync(stack.Dynamo.TableName, corrupt); // the cause, fixed
        }

        var run = await stack.RunCliAsync("replay", "--parked");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{user}/{poison}: rebuilt", run.Error, StringComparison.Ordinal);
        Assert.Equal("ok", (string?)(await EventuallyAsync(client, $"/v1/goals/{poison}", v => (string?)v["projection"] == "ok"))["projection"]);
        var logged = await client.LogAsync(poison, 1);
        await client.GoalAtAsync(poison, logged); // projected again
    }

    private static async Task<JsonObject> EventuallyAsync(HttpClient client, string path, Func<JsonObject, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var view = await client.SendOkAsync(HttpMethod.Get, path);
            if (done(view))
            {
                return view;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"{path} still {view.ToJsonString()}");
            await Task.Delay(200);
        }
    }
}
