namespace Lifestyle.Projections.Stream;

/// <summary>Configuration section <c>StreamConsumer</c> of the local stream consumer.</summary>
public sealed class StreamConsumerOptions
{
    public const string Section = "StreamConsumer";

    /// <summary>Records per GetRecords call and so per handler call (the mapping's BatchSize in AWS).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long to wait when no shard had anything new.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often to look for new shards (at once, too, whenever a shard closes).</summary>
    public TimeSpan ShardRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First delay before retrying a failed record; doubles per consecutive failure up to the maximum.</summary>
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where a shard without a checkpoint starts: false (default) reads all retained records, true only new ones.</summary>
    public bool StartAtLatest { get; set; }
}
