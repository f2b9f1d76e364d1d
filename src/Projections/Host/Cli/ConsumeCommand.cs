using System.CommandLine;
using Lifestyle.Infrastructure;
using Lifestyle.Infrastructure.Telemetry;
using Lifestyle.Projections;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Stream;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lifestyle.Projections.Cli;

/// <summary>
/// <c>consume</c>: the local projector. Reads the table's stream and projects it until Ctrl-C or SIGTERM, configured
/// like the API (DynamoDb__ServiceUrl, DynamoDb__TableName, DynamoDb__Region, Redis__Configuration, …) over the local
/// stack's defaults (<see cref="ToolConfiguration"/>).
/// </summary>
public static class ConsumeCommand
{
    public static Command Create()
    {
        var batchSize = new Option<int?>("--batch-size") { Description = "Records per batch (default 100, or StreamConsumer:BatchSize)." };
        var pollMs = new Option<int?>("--poll-ms") { Description = "Idle poll interval in milliseconds (default 100)." };
        var command = new Command("consume", "Run the local stream projector against the table's DynamoDB stream.") { batchSize, pollMs };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(batchSize), parse.GetValue(pollMs), ct));
        return command;
    }

    private static async Task<int> RunAsync(int? batchSize, int? pollMs, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        ToolConfiguration.Apply(builder.Configuration);
        builder.Services.AddLifestyleStorage(builder.Configuration);
        builder.Services.AddLifestyleProjector(builder.Configuration);
        builder.Services.AddLocalProjectorProcess(builder.Configuration, options =>
        {
            options.BatchSize = batchSize ?? options.BatchSize;
            options.PollInterval = pollMs is { } ms ? TimeSpan.FromMilliseconds(ms) : options.PollInterval;
        });
        builder.Services.AddLifestyleTelemetry(builder.Configuration, "lifestyle-projector");
        using var host = builder.Build();
        await host.RunAsync(ct);
        return 0;
    }
}
