using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// The AWS Lambda function behind the DynamoDB Streams event source mapping, for the managed dotnet10
/// runtime without Amazon.Lambda.* packages: raw JSON in, raw JSON out, so no serializer is needed.
/// Handler string: <c>Lifestyle.Projections::Lifestyle.Projections.Stream.LambdaEntryPoint::HandleAsync</c>.
/// The mapping must enable <c>ReportBatchItemFailures</c> so the returned failure is honoured.
/// </summary>
public sealed class LambdaEntryPoint
{
    private readonly IChangeBatchHandler handler;
    private readonly ILogger logger;
    private readonly Func<Task>? afterBatch;
    private readonly Action? flush;

    /// <summary>What the Lambda runtime calls once per execution environment (its init phase).</summary>
    public LambdaEntryPoint()
        : this(HandlerFactory is { } factory ? new Resolved(factory(), null, null, null) : Resolved.From(LambdaServices.Build()))
    {
    }

    /// <param name="afterBatch">Runs after each batch's read models are written: the notification outbox's drain.</param>
    /// <param name="flush">Runs at the end of each invocation: exports the telemetry (the environment may freeze after it).</param>
    public LambdaEntryPoint(IChangeBatchHandler handler, ILogger? logger = null, Func<Task>? afterBatch = null, Action? flush = null)
    {
        this.handler = handler;
        this.logger = logger ?? NullLogger.Instance;
        this.afterBatch = afterBatch;
        this.flush = flush;
    }

    private LambdaEntryPoint(Resolved resolved)
        : this(resolved.Handler, resolved.Logger, resolved.AfterBatch, resolved.Flush)
    {
    }

    /// <summary>
    /// When set before the runtime constructs this class, the parameterless constructor uses it instead of
    /// <see cref="LambdaServices.Build"/> (environment configuration + <c>AddLifestyleProjections</c>).
    /// </summary>
    public static Func<IChangeBatchHandler>? HandlerFactory { get; set; }

    /// <summary>
    /// Reads the event, hands its records to the handler in order and answers the partial batch response
    /// <c>{"batchItemFailures":[{"itemIdentifier":"&lt;sequence number&gt;"}]}</c>: the first record that failed, from
    /// which Lambda retries; an empty list when all succeeded. A record that cannot be read is that failure.
    /// An exception (including an unreadable event) fails the whole batch, which Lambda retries or bisects.
    /// </summary>
    public async Task<System.IO.Stream> HandleAsync(System.IO.Stream input)
    {
        try
        {
            return await HandleBatchAsync(input);
        }
        finally
        {
            flush?.Invoke();
        }
    }

    private async Task<System.IO.Stream> HandleBatchAsync(System.IO.Stream input)
    {
        var batch = await StreamEventJson.ParseAsync(input);
        if (batch.UnreadableSequenceNumber is not null)
        {
            logger.LogError("Unreadable stream record {SequenceNumber}: {Reason}", batch.UnreadableSequenceNumber, batch.UnreadableReason);
        }

        var failed = batch.UnreadableSequenceNumber;
        if (batch.Records.Count > 0)
        {
            var outcome = await handler.HandleAsync(batch.Records, CancellationToken.None);
            failed = outcome.FirstFailedSequenceNumber ?? failed;
            if (afterBatch is not null)
            {
                await afterBatch();
            }
        }

        if (failed is not null)
        {
            logger.LogWarning("Batch of {Count} records failed from {SequenceNumber}", batch.Records.Count, failed);
        }

        return BatchResponse(failed);
    }

    internal static MemoryStream BatchResponse(string? failedSequenceNumber)
    {
        var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteStartArray("batchItemFailures");
            if (failedSequenceNumber is not null)
            {
                json.WriteStartObject();
                json.WriteString("itemIdentifier", failedSequenceNumber);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }

    private sealed record Resolved(IChangeBatchHandler Handler, ILogger? Logger, Func<Task>? AfterBatch, Action? Flush)
    {
        /// <summary>The function's services; with notifications on, the batch's facts are published after its read models.</summary>
        public static Resolved From(IServiceProvider services)
        {
            var outbox = services.GetService<Notifications.NotificationOutbox>();
            var sender = services.GetService<Notifications.NotificationSender>();
            var sns = services.GetService<Microsoft.Extensions.Options.IOptions<Notifications.SnsOptions>>();
            Func<Task>? drain = null;
            if (outbox is not null && sender is not null && sns?.Value.IsEnabled == true)
            {
                outbox.HasPublisher = true;
                drain = () => outbox.DrainAsync(sender, CancellationToken.None);
            }

            return new(services.GetRequiredService<IChangeBatchHandler>(), services.GetService<ILogger<LambdaEntryPoint>>(), drain,
                Infrastructure.Telemetry.TelemetryServices.Start(services));
        }
    }
}
