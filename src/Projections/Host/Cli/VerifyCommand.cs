using System.CommandLine;
using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Cli;

/// <summary><c>verify</c>: lists every read model that differs from a fresh fold of its events; exit 1 when any.</summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var scope = new ScopeOptions();
        var command = new Command("verify", "Compare stored read models with a fresh fold of the events.");
        scope.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, scope, ct));
        return command;
    }

    public static Task<int> RunAsync(ParseResult parse, ScopeOptions scope, CancellationToken ct) =>
        ToolHost.RunAsync(async sp =>
        {
            var db = sp.GetRequiredService<IAmazonDynamoDB>();
            var table = sp.GetRequiredService<IOptions<DynamoOptions>>().Value.TableName;
            var keys = new ReadModelKeys(parse.GetValue(scope.Into) ?? (await ReadModelConfig.GetAsync(db, table, ct)).Live);
            var verifier = sp.GetRequiredService<ReadModelVerifier>();
            var output = new Lock();
            GoalAction action = async (g, token) =>
            {
                var differences = await verifier.VerifyAsync(g.UserId, g.GoalId, keys, token);
                lock (output)
                {
                    differences.ForEach(d => Console.WriteLine(d));
                }

                return (0, 0, differences.Count);
            };
            var progress = new ReplayProgress(Console.Error, await ReplayCommand.ItemsToWalkAsync(db, table, GoalWalk.Scan, ct));
            var goals = await scope.GoalsAsync(parse, sp, ct);
            var work = goals is not null
                ? ReplayRunner.RunAsync(goals, action, progress, ct)
                : sp.GetRequiredService<ReplayRunner>().RunAllAsync(parse.GetValue(scope.Segments), GoalWalk.Scan, null, action, progress, ct);
            await progress.ShowUntilAsync(work);
            await work;
            var insights = await InsightsScope.VerifyAsync(sp, goals, keys, ct);
            await Console.Error.WriteLineAsync(
                $"verified {progress.Goals} goals of read-model version {keys.Version}: {progress.Differences} differences, {insights} in insights");
            return progress.Differences + insights > 0 ? 1 : 0;
        }, ct);
}
