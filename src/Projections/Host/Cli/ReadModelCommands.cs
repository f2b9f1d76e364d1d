using System.CommandLine;
using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Cli;

/// <summary><c>switch vN</c>, <c>retire vN</c> (blue/green read models) and <c>parked</c> (failing goals).</summary>
public static class ReadModelCommands
{
    public static Command Switch()
    {
        var version = new Argument<string>("version") { Description = "A read-model version built with replay --all --into." };
        var command = new Command("switch", "Point queries at another read-model version (no restart; within seconds).") { version };
        command.SetAction((parse, ct) => ToolHost.RunAsync(sp => ChangeAsync(sp, s =>
            s.Built.Contains(parse.GetValue(version)!) && s.Maintained.Contains(parse.GetValue(version)!)
                ? s with { Live = parse.GetValue(version)! }
                : throw new ArgumentException($"{parse.GetValue(version)} is not fully built and maintained: run replay --all --into {parse.GetValue(version)} first."), ct), ct));
        return command;
    }

    public static Command Retire()
    {
        var version = new Argument<string>("version") { Description = "A read-model version the projector should stop maintaining." };
        var command = new Command("retire", "Stop maintaining a read-model version that is not live.") { version };
        command.SetAction((parse, ct) => ToolHost.RunAsync(sp => ChangeAsync(sp, s =>
            s.Live == parse.GetValue(version)
                ? throw new ArgumentException("the live read-model version cannot be retired; switch first.")
                : s with
                {
                    Maintained = s.Maintained.Where(v => v != parse.GetValue(version)).ToList(),
                    Built = s.Built.Where(v => v != parse.GetValue(version)).ToList(),
                }, ct), ct));
        return command;
    }

    public static Command Parked()
    {
        var command = new Command("parked", "List goals whose projection keeps failing.");
        command.SetAction((_, ct) => ToolHost.RunAsync(async sp =>
        {
            var items = await sp.GetRequiredService<ProjectionFailures>().ListAsync(ct);
            foreach (var i in items)
            {
                var parked = i.TryGetValue("parked", out var p) && p.BOOL == true;
                Console.WriteLine($"{i["userId"].S}/{i["goalId"].S}  attempts {i["attempts"].N}  {(parked ? "PARKED" : "failing")}  {i["lastError"].S}");
            }

            await Console.Error.WriteLineAsync($"{items.Count(i => i.TryGetValue("parked", out var p) && p.BOOL == true)} parked, {items.Count} failing or parked");
            return 0;
        }, ct));
        return command;
    }

    private static async Task<int> ChangeAsync(IServiceProvider sp, Func<ReadModelSettings, ReadModelSettings> change, CancellationToken ct)
    {
        var db = sp.GetRequiredService<IAmazonDynamoDB>();
        var table = sp.GetRequiredService<IOptions<DynamoOptions>>().Value.TableName;
        var next = change(await ReadModelConfig.GetAsync(db, table, ct));
        await ReadModelConfig.SetAsync(db, table, next, ct);
        Console.WriteLine($"live read-model version: {next.Live}; maintained: {string.Join(", ", next.Maintained)}; built: {string.Join(", ", next.Built)}");
        return 0;
    }
}
