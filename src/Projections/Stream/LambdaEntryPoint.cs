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

    /// <summary>What the Lambda runtime calls once per execution environment (its init phase).</summary>
    public LambdaEntryPoint()
        : this(HandlerFactory is { } factory ? new Resolved(factory(), null) : Resolved.From(LambdaServices.Build()))
    {
    }

    public LambdaEntryPoint(IChangeBatchHandler handler, ILogger? logger = null)
    {
        this.handler = handler;
        this.logger = logger ?? NullLogger.Instance;
    }

    private LambdaEntryPoint(Resolved resolved)
        : this(resolved.Handler, resolved.Logger)
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

    private sealed record Resolved(IChangeBatchHandler Handler, ILogger? Logger)
    {
        public static Resolved From(IServiceProvider services) => new(
            services.GetRequiredService<IChangeBatchHandler>(),
            services.GetService<ILogger<LambdaEntryPoint>>());
    }
}
