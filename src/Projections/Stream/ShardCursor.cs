namespace Lifestyle.Projections.Stream;

/// <summary>The consumer's reading state of one shard.</summary>
internal sealed class ShardCursor(StreamShard shard, ShardCheckpoint? checkpoint)
{
    public StreamShard Shard { get; set; } = shard;

    public string ShardId => Shard.ShardId;

    /// <summary>Every record up to this one is handled (or was the consumer's own checkpoint write).</summary>
    public string? Position { get; set; } = checkpoint?.SequenceNumber;

    /// <summary>Closed and fully read: the shard's children may start.</summary>
    public bool Done { get; set; } = checkpoint?.Closed == true;

    public string? Iterator { get; set; }

    /// <summary>The first record that failed: the next read starts at it (AT_SEQUENCE_NUMBER).</summary>
    public string? RetryFrom { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    /// <summary>Whether reading ever began; a shard without a position starts at the configured end only once.</summary>
    public bool Started { get; set; }

    /// <summary>A child waits until its parent is fully read, unless the parent is unknown (trimmed away).</summary>
    public bool IsReady(IReadOnlyDictionary<string, ShardCursor> all, DateTimeOffset now) =>
        !Done
        && now >= NotBefore
        && (Shard.ParentShardId is not { } parent || !all.TryGetValue(parent, out var p) || p.Done);

    public (ShardIteratorType Type, string? SequenceNumber) NextIteratorRequest(bool startAtLatest)
    {
        if (RetryFrom is not null)
        {
            return (ShardIteratorType.AtSequenceNumber, RetryFrom);
        }

        if (Position is not null)
        {
            return (ShardIteratorType.AfterSequenceNumber, Position);
        }

        return (startAtLatest && !Started ? ShardIteratorType.Latest : ShardIteratorType.TrimHorizon, null);
    }

    /// <summary>Forget the position after trimmed data: what is left of the shard is read from its start.</summary>
    public void ResetToTrimHorizon()
    {
        Iterator = null;
        Position = null;
        RetryFrom = null;
        Started = true;
    }
}
