using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Queries.Common;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>Rebuild into a new read-model version beside the live one, switch reads to it while they continue, retire the old.</summary>
[Collection(ReplayCollection.Name)]
public sealed class BlueGreenTests(StackFixture stack)
{
    [Fact]
    public async Task Reads_switch_to_a_rebuilt_version_without_a_failed_request_and_the_projector_keeps_it_current()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var (goal, version) = await client.GoalWithHistoryAsync("Water");
        var (v1, v2) = (new ReadModelKeys("v1"), new ReadModelKeys("v2"));
        try
        {
            var build = await stack.RunCliAsync("replay", "--all", "--into", "v2");
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains("read-model version v2 is now maintained by the projector beside v1", build.Error);
            Assert.Equal("RMV#v2#PROGRESS#" + goal, v2.Progress(goal));
            Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), (await stack.GetItemAsync(userId, v2.Progress(goal)))?["version"].N);
            Assert.NotNull(await stack.GetItemAsync(userId, v2.Streak(goal)));
            var check = await stack.RunCliAsync("verify", "--all", "--into", "v2");
            Assert.True(check.ExitCode == 0, check.ToString());

            var reads = new ConcurrentQueue<(HttpStatusCode Status, long Version)>();
            using var stop = new CancellationTokenSource();
            var reader = ReadContinuouslyAsync(client, goal, reads, stop.Token);
            await Task.Delay(200);
            var cut = await stack.RunCliAsync("switch", "v2");
            Assert.True(cut.ExitCode == 0, cut.ToString());
            Assert.Contains("live read-model version: v2; maintained: v1, v2", cut.Output);
            var live = stack.Api.Services.GetRequiredService<LiveReadModel>();
            await ReplayTable.EventuallyAsync(() => Task.FromResult(live.Keys.Version == "v2"), "the API reads v2", seconds: 3);
            await ProjectorRefreshAsync();
            var next = await client.LogAsync(goal, 1);
            Assert.Equal(next, (long)(await client.ProjectedAsync(goal, next))["version"]!);
            await ReplayTable.EventuallyAsync(async () => (await stack.GetItemAsync(userId, v2.Progress(goal)))?["version"].N == $"{next}", "v2 reaches the new version", 10);

            // Served from v2: a damaged v1 (table and cache) no longer shows.
            var stale = (await stack.GetItemAsync(userId, v1.Progress(goal)))!["state"].S.Replace("\"Water\"", "\"Stale v1\"", StringComparison.Ordinal);
            Assert.Contains("Stale v1", stale);
            await stack.SetAsync(userId, v1.Progress(goal), "state", new Amazon.DynamoDBv2.Model.AttributeValue(stale));
            await stack.Services.GetRequiredService<RedisConnection>().Database!.KeyDeleteAsync(CacheKeys.Goal(v1, userId, goal));
            Assert.Equal("Water", (string?)(await client.ProjectedAsync(goal, next))["title"]);
            await Task.Delay(200);
            await stop.CancelAsync();
            await reader;

            Assert.True(reads.Count >= 5, $"only {reads.Count} reads");
            Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.Status));
            Assert.Equal(reads.Select(r => r.Version).Order(), reads.Select(r => r.Version));
            Assert.Equal(next, reads.Last().Version);

            var retire = await stack.RunCliAsync("retire", "v1");
            Assert.True(retire.ExitCode == 0, retire.ToString());
            Assert.Contains("live read-model version: v2; maintained: v2", retire.Output);
            await ProjectorRefreshAsync(); // the projector re-reads the config at its next batch after RefreshSeconds
            var after = await client.LogAsync(goal, 1);
            await client.ProjectedAsync(goal, after);
            Assert.Equal($"{next}", (await stack.GetItemAsync(userId, v1.Progress(goal)))?["version"].N); // no longer maintained
            Assert.Equal($"{after}", (await stack.GetItemAsync(userId, v2.Progress(goal)))?["version"].N);

            var retireLive = await stack.RunCliAsync("retire", "v2");
            Assert.True(retireLive.ExitCode == 2, retireLive.ToString());
            Assert.Contains("error: the live read-model version cannot be retired; switch first.", retireLive.Error);
            var unknown = await stack.RunCliAsync("switch", "v9");
            Assert.True(unknown.ExitCode == 2, unknown.ToString());
            Assert.Contains("error: v9 is not fully built and maintained: run replay --all --into v9 first.", unknown.Error);
        }
        finally
        {
            // Back to v1 the same way, so the other replay tests find the layout they expect.
            Assert.Equal(0, (await stack.RunCliAsync("replay", "--all", "--into", "v1")).ExitCode);
            Assert.Equal(0, (await stack.RunCliAsync("switch", "v1")).ExitCode);
            Assert.Equal(0, (await stack.RunCliAsync("retire", "v2")).ExitCode);
            await ReplayTable.EventuallyAsync(() => Task.FromResult(stack.Api.Services.GetRequiredService<LiveReadModel>().Keys.Version == "v1"), "the API reads v1 again", 3);
        }

        var verify = await stack.RunCliAsync("verify", "--all");
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    private Task ProjectorRefreshAsync() =>
        Task.Delay(TimeSpan.FromSeconds(double.Parse(stack.Settings["ReadModels:RefreshSeconds"]!, System.Globalization.CultureInfo.InvariantCulture) + 0.1));

    private static async Task ReadContinuouslyAsync(HttpClient client, string goalId, ConcurrentQueue<(HttpStatusCode, long)> reads, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var response = await client.GetAsync($"/v1/goals/{goalId}", CancellationToken.None);
            var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None) : null;
            reads.Enqueue((response.StatusCode, (long?)body?["version"] ?? -1));
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
