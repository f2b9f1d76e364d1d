using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// One DynamoDB Streams record, as either transport delivers it (the Lambda event JSON or the
/// Streams API's GetRecords): our own type, since Amazon.Lambda.DynamoDBEvents is not served here.
/// </summary>
public sealed record ChangeRecord(
    string EventId,
    string EventName,
    string SequenceNumber,
    string? EventSourceArn,
    IReadOnlyDictionary<string, AttributeValue> Keys,
    IReadOnlyDictionary<string, AttributeValue>? NewImage)
{
    public string? PartitionKey => Keys.TryGetValue("PK", out var v) ? v.S : null;

    public string? SortKey => Keys.TryGetValue("SK", out var v) ? v.S : null;
}

/// <summary>The sequence number to retry from, or null when the whole batch is done.</summary>
public sealed record BatchOutcome(string? FirstFailedSequenceNumber)
{
    public static readonly BatchOutcome Success = new((string?)null);
}

/// <summary>What both transports call with each batch of one shard, in stream order.</summary>
public interface IChangeBatchHandler
{
    Task<BatchOutcome> HandleAsync(IReadOnlyList<ChangeRecord> records, CancellationToken ct);
}
