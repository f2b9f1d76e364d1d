using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Replay;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>An interrupted <c>--all</c> run continues where each segment's checkpoint says, redoing nothing finished.</summary>
[Collection(ReplayCollection.Name)]
public sealed class ReplayResumeTests(StackFixture stack)
{
    private const int Segments = 3;
    private const int FillersPerUser = 100;

    [Fact]
    public async Task An_interrupted_run_over_all_goals_resumes_without_revisiting_finished_segments_or_pages()
    {
        // Eight users, each partition padded so that scan pages (200 items) end inside the segments.
        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => UserWithGoalAsync()));
        await PadAsync(users);
        try
        {
            var walker = ActivatorUtilities.CreateInstance<GoalWalker>(stack.Services);
            var checkpoints = ActivatorUtilities.CreateInstance<ReplayCheckpoints>(stack.Services);
            var runner = new ReplayRunner(walker, checkpoints);
            var where = await PagesAsync(walker);
            var interrupted = where.Values.Where(p => p.Page > 0).Select(p => p.Segment).First();
            var run = new ReplayRun(ReplayRunner.NewRunId(), Segments, "v1");
            var first = new ConcurrentDictionary<GoalRef, int>();
            var blocked = new TaskCompletionSource();
            using var cancel = new CancellationTokenSource();
            GoalAction firstAction = async (g, ct) =>
            {
                // In the interrupted segment, the first goal after a checkpointed page hangs until cancelled.
                if (where[g].Segment == interrupted && (await checkpoints.GetAsync(run, interrupted, ct)).LastKey is not null)
                {
                    blocked.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                }

                first.AddOrUpdate(g, 1, (_, n) => n + 1);
                return (1, 0, 0);
            };

            var work = runner.RunAllAsync(Segments, GoalWalk.Scan, run, firstAction, new ReplayProgress(TextWriter.Null, null), cancel.Token);
            await blocked.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await ReplayTable.EventuallyAsync(async () => (await Task.WhenAll(Enumerable.Range(0, Segments).Where(s => s != interrupted)
                .Select(s => checkpoints.GetAsync(run, s, CancellationToken.None)))).All(c => c.Done), "the other segments finish");
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work);
            var stopped = await checkpoints.GetAsync(run, interrupted, CancellationToken.None);
            Assert.False(stopped.Done);
            Assert.NotNull(stopped.LastKey);

            var second = new ConcurrentDictionary<GoalRef, int>();
            await runner.RunAllAsync(Segments, GoalWalk.Scan, run, (g, _) =>
            {
                second.AddOrUpdate(g, 1, (_, n) => n + 1);
                return Task.FromResult((1, 0, 0));
            }, new ReplayProgress(TextWriter.Null, null), CancellationToken.None);

            Assert.Contains(where, kv => kv.Value.Segment != interrupted && first.ContainsKey(kv.Key));
            Assert.All(second.Keys, g => Assert.Equal(interrupted, where[g].Segment));
            Assert.All(where.Keys, g => Assert.True(first.GetValueOrDefault(g) + second.GetValueOrDefault(g) == 1,
                $"{g} at {where[g]}: visited {first.GetValueOrDefault(g)} + {second.GetValueOrDefault(g)} times"));
            Assert.Contains(where, kv => kv.Value.Segment == interrupted && kv.Value.Page > 0 && second.ContainsKey(kv.Key));
            Assert.All(await Task.WhenAll(Enumerable.Range(0, Segments).Select(s => checkpoints.GetAsync(run, s, CancellationToken.None))),
                c => Assert.True(c.Done));
        }
        finally
        {
            await PadAsync(users, remove: true);
        }
    }

    [Fact]
    public async Task Resuming_a_finished_run_through_the_cli_replays_nothing_more()
    {
        await UserWithGoalAsync();

        var full = await stack.RunCliAsync("replay", "--all", "--segments", "3");
        var resumed = await stack.RunCliAsync("replay", "--all", "--resume");

        Assert.True(full.ExitCode == 0, full.ToString());
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var runId = Regex.Match(full.Error, "run (\\S+): 3 segments into v1").Groups[1].Value;
        Assert.NotEmpty(runId);
        Assert.Contains($"run {runId}: 3 segments into v1 (resumed)", resumed.Error);
        Assert.Matches("^replayed [1-9][0-9]* goals", full.OutputLines.Single(l => l.StartsWith("replayed", StringComparison.Ordinal)));
        Assert.StartsWith("replayed 0 goals, 0 events, 0 items into v1", resumed.OutputLines.Single(l => l.StartsWith("replayed", StringComparison.Ordinal)));
    }

    private async Task<string> UserWithGoalAsync()
    {
        var userId = StackFixture.NewUserId();
        using var client = stack.ClientFor(userId);
        var goalId = await client.CreateGoalAsync(new { title = "Run", pattern = "daily", target = 1, unit = "runs" });
        await client.ProjectedAsync(goalId, 1);
        return userId;
    }

    /// <summary>Every goal head, with the scan segment and page (of the runner's page size) it is found on.</summary>
    private static async Task<Dictionary<GoalRef, (int Segment, int Page)>> PagesAsync(GoalWalker walker)
    {
        var where = new Dictionary<GoalRef, (int, int)>();
        for (var segment = 0; segment < Segments; segment++)
        {
            Dictionary<string, AttributeValue>? start = null;
            var page = 0;
            do
            {
                var scanned = await walker.ScanAsync(segment, Segments, start, CancellationToken.None);
                scanned.Goals.ToList().ForEach(g => where[g] = (segment, page));
                start = scanned.LastKey;
                page++;
            }
            while (start is not null);
        }

        return where;
    }

    private async Task PadAsync(IEnumerable<string> users, bool remove = false)
    {
        var requests = users.SelectMany(u => Enumerable.Range(0, FillersPerUser).Select(i =>
        {
            var key = new Dictionary<string, AttributeValue> { [Keys.PK] = new(Keys.User(u)), [Keys.SK] = new($"FILLER#{i:D3}") };
            return remove ? new WriteRequest(new DeleteRequest(key)) : new WriteRequest(new PutRequest(new(key) { ["entity"] = new("filler") }));
        }));
        foreach (var batch in requests.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>> { [stack.Dynamo.TableName] = [.. batch] };
            while (pending is { Count: > 0 })
            {
                pending = (await stack.Db().BatchWriteItemAsync(pending)).UnprocessedItems;
            }
        }
    }
}
