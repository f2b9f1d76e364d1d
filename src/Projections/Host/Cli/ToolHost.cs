using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Telemetry;
using Lifestyle.Projections;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Cli;

/// <summary>
/// Services for the operator verbs, configured like the API (DynamoDb__*, Redis__*, Sns__*) over the local stack's
/// defaults (<see cref="ToolConfiguration"/>), and their error handling.
/// </summary>
public static class ToolHost
{
    /// <summary>The verb being run (set by <see cref="ToolCli"/>): it names the verb's span.</summary>
    public static string Verb { get; set; } = "tool";

    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        ToolConfiguration.Apply(builder.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddLifestyleProjector(builder.Configuration);
        builder.Services.AddSingleton<GoalWalker>();
        builder.Services.AddSingleton<BulkReadModelWrites>();
        builder.Services.AddSingleton<GoalRebuilder>();
        builder.Services.AddSingleton<ReadModelVerifier>();
        builder.Services.AddSingleton<ReplayCheckpoints>();
        builder.Services.AddSingleton<ReplayRunner>();
        builder.Services.AddLifestyleTelemetry(builder.Configuration, "lifestyle-tool");
        return builder.Build();
    }

    /// <summary>Runs a verb; a missing or unreachable table is a clear message and exit code 2, not a stack trace.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> verb, CancellationToken ct)
    {
        IHost host;
        try
        {
            host = Build();
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        using var _ = host;
        TelemetryServices.Start(host.Services); // the host is never started; disposing it flushes what was recorded
        using var span = LifestyleTelemetry.Source.StartActivity("lifestyle " + Verb);
        var options = host.Services.GetRequiredService<IOptions<DynamoOptions>>().Value;
        var where = options.ServiceUrl ?? $"AWS {options.Region}";
        try
        {
            await host.Services.GetRequiredService<IAmazonDynamoDB>().DescribeTableAsync(options.TableName, ct);
            return await verb(host.Services);
        }
        catch (ResourceNotFoundException)
        {
            await Console.Error.WriteLineAsync($"error: table '{options.TableName}' does not exist at {where} (set DynamoDb__TableName / LIFESTYLE_TABLE).");
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"error: cannot reach DynamoDB at {where}: {e.Message}{ToolConfiguration.Hint(options.ServiceUrl)}");
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
        }

        return 2;
    }
}
