using System.Net;

namespace Lifestyle.Projections.Stream;

/// <summary>Where GetShardIterator starts reading a shard.</summary>
public enum ShardIteratorType
{
    TrimHorizon,
    Latest,
    AtSequenceNumber,
    AfterSequenceNumber,
}

/// <summary>A shard of the stream; closed once it has an ending sequence number (its children carry on).</summary>
public sealed record StreamShard(string ShardId, string? ParentShardId, string? StartingSequenceNumber, string? EndingSequenceNumber)
{
    public bool IsClosed => EndingSequenceNumber is not null;
}

/// <summary>DescribeStream's answer with every page of shards gathered.</summary>
public sealed record StreamInfo(string StreamArn, string StreamStatus, IReadOnlyList<StreamShard> Shards);

/// <summary>GetRecords' answer; no next iterator means the shard is closed and fully read.</summary>
public sealed record RecordsPage(IReadOnlyList<ChangeRecord> Records, string? NextShardIterator);

/// <summary>An error answer of the DynamoDB Streams API, e.g. ExpiredIteratorException.</summary>
public sealed class DynamoStreamsException(string errorType, string message, HttpStatusCode statusCode)
    : Exception($"{errorType} ({(int)statusCode}): {message}")
{
    /// <summary>The short error name: the part of <c>__type</c> after '#'.</summary>
    public string ErrorType { get; } = errorType;

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The iterator is older than 15 minutes: get a new one from the last position.</summary>
    public bool IsExpiredIterator => ErrorType == "ExpiredIteratorException";

    /// <summary>The position is older than the stream's retention (24 h): those records are gone.</summary>
    public bool IsTrimmedDataAccess => ErrorType == "TrimmedDataAccessException";

    public bool IsResourceNotFound => ErrorType == "ResourceNotFoundException";
}
