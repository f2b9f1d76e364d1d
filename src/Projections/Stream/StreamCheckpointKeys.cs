using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// Where the local stream consumer keeps its position per shard: one item per shard in the table itself
/// (<c>SYSTEM#PROJECTOR</c> / <c>CHECKPOINT#{shardId}</c>). Its own writes come back through the stream and are skipped.
/// </summary>
public static class StreamCheckpointKeys
{
    public const string Partition = SystemKeys.Projector;
    public const string SortPrefix = "CHECKPOINT#";

    public const string StreamArn = "streamArn";
    public const string ShardId = "shardId";
    public const string SequenceNumber = "sequenceNumber";
    public const string Closed = "closed";
    public const string UpdatedAt = "updatedAt";

    public static string Sort(string shardId) => SortPrefix + shardId;

    public static bool IsCheckpoint(ChangeRecord record) => record.PartitionKey == Partition;
}
