using System.CommandLine;
using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Replay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Cli;

/// <summary><c>replay</c>: rebuilds read models from the events (table and Redis), with the projector's own code.</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var scope = new ScopeOptions();
        var maxWcu = new Option<double>("--max-wcu") { Description = "Write capacity units per second at most (0: unlimited)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the last --all run where its segments stopped." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Change nothing: report what differs, like verify." };
        var command = new Command("replay", "Rebuild read models from the events.") { maxWcu, resume, dryRun };
        scope.AddTo(command);
        command.SetAction((parse, ct) => parse.GetValue(dryRun)
            ? VerifyCommand.RunAsync(parse, scope, ct)
            : ToolHost.RunAsync(sp => RunAsync(sp, parse, scope, parse.GetValue(maxWcu), parse.GetValue(resume), ct), ct));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider sp, ParseResult parse, ScopeOptions scope, double maxWcu, bool resume, CancellationToken ct)
    {
        var db = sp.GetRequiredService<IAmazonDynamoDB>();
        var table = sp.GetRequiredService<IOptions<DynamoOptions>>().Value.TableName;
        var settings = await ReadModelConfig.GetAsync(db, table, ct);
        var run = resume ? await sp.GetRequiredService<ReplayCheckpoints>().LatestAsync(ct)
            ?? throw new ArgumentException("there is no earlier --all run to resume.") : null;
        var keys = new ReadModelKeys(run?.Into ?? parse.GetValue(scope.Into) ?? settings.Live);
        if (!settings.Maintained.Contains(keys.Version))
        {
            // The live projector keeps the new version current while (and after) it is rebuilt. It re-reads
            // the config every ReadModels:RefreshSeconds, so wait until it must have: any event applied
            // after that reaches the new version through the projector, any event before it through this fold.
            await ReadModelConfig.SetAsync(db, table, settings with { Maintained = [.. settings.Maintained, keys.Version] }, ct);
            var wait = TimeSpan.FromSeconds((2 * sp.GetRequiredService<IConfiguration>().GetValue("ReadModels:RefreshSeconds", 5.0)) + 1);
            await Console.Error.WriteLineAsync(
                $"read-model version {keys.Version} is now maintained by the projector beside {settings.Live}; waiting {wait.TotalSeconds:F0} s for it to notice");
            await Task.Delay(wait, ct);
        }

        var rebuilder = sp.GetRequiredService<GoalRebuilder>();
        var failures = sp.GetRequiredService<Projection.ProjectionFailures>();
        var unpark = parse.GetValue(scope.Parked);
        var throttle = new WriteThrottle(maxWcu);
        var mode = GoalRebuilder.WritingMode(settings, keys.Version);
        GoalAction action = async (g, token) =>
        {
            var r = await rebuilder.RebuildAsync(g.UserId, g.GoalId, keys, throttle, mode, token);
            if (unpark)
            {
                // Its events fold again: the projector may take the goal back.
                await failures.ClearAsync(g.UserId, g.GoalId, token);
                await Console.Error.WriteLineAsync($"{g.UserId}/{g.GoalId}: rebuilt at its events and no longer parked");
            }

            return (r.Events, r.ItemsWritten + r.ItemsDeleted, 0);
        };
        var walk = mode == RebuildMode.Bulk ? GoalWalk.Index : GoalWalk.Scan;
        var progress = new ReplayProgress(Console.Error, await ItemsToWalkAsync(db, table, run?.Walk ?? walk, ct));
        var runner = sp.GetRequiredService<ReplayRunner>();
        var goals = await scope.GoalsAsync(parse, sp, ct);
        Task work;
        if (goals is not null)
        {
            work = ReplayRunner.RunAsync(goals, action, progress, ct);
        }
        else
        {
            run ??= new ReplayRun(ReplayRunner.NewRunId(), parse.GetValue(scope.Segments), keys.Version, walk);
            await sp.GetRequiredService<ReplayCheckpoints>().StartAsync(run, ct);
            await Console.Error.WriteLineAsync(
                $"run {run.RunId}: {run.Segments} segments into {keys.Version}{(resume ? " (resumed)" : "")}; {mode.ToString().ToLowerInvariant()} writes, goals found by {(run.Walk == GoalWalk.Scan ? "a table scan" : "GSI1")}");
            work = runner.RunAllAsync(run.Segments, run.Walk, run, action, progress, ct);
        }

        await progress.ShowUntilAsync(work);
        await work;
        var insights = await InsightsScope.RebuildAsync(sp, goals, keys, ct);
        if (goals is null)
        {
            // Every goal was rebuilt: the version may now be switched to.
            var now = await ReadModelConfig.GetAsync(db, table, ct);
            if (!now.Built.Contains(keys.Version))
            {
                await ReadModelConfig.SetAsync(db, table, now with { Built = [.. now.Built, keys.Version] }, ct);
            }
        }

        Console.WriteLine($"replayed {progress.Goals} goals, {progress.Events} events, {progress.Items} items into {keys.Version} " +
            $"in {progress.Elapsed.TotalSeconds:F1} s ({progress.EventsPerSecond:F0} events/s); insights of {insights} users");
        return 0;
    }

    /// <summary>What the walk reads, for the ETA: the table's items (Scan) or GSI1's (its goal heads and pending notifications).</summary>
    public static async Task<long?> ItemsToWalkAsync(IAmazonDynamoDB db, string table, GoalWalk walk, CancellationToken ct)
    {
        var description = (await db.DescribeTableAsync(table, ct)).Table;
        return walk == GoalWalk.Scan ? description.ItemCount : description.GlobalSecondaryIndexes?.FirstOrDefault(i => i.IndexName == Keys.Gsi1)?.ItemCount;
    }
}
