namespace Lifestyle.Projections.Stream;

/// <summary>What the local stream consumer has done so far; safe to read from any thread.</summary>
public sealed class StreamConsumerCounters
{
    private long recordsDelivered;
    private long batches;
    private long retries;
    private long shardsCompleted;
    private long iteratorRefreshes;

    /// <summary>Records the handler accepted (a failed record counts once it finally succeeds).</summary>
    public long RecordsDelivered => Interlocked.Read(ref recordsDelivered);

    /// <summary>Handler calls, failed ones included.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Times a shard was re-read from a failed record.</summary>
    public long Retries => Interlocked.Read(ref retries);

    public long ShardsCompleted => Interlocked.Read(ref shardsCompleted);

    /// <summary>New iterators after an expired one or trimmed data.</summary>
    public long IteratorRefreshes => Interlocked.Read(ref iteratorRefreshes);

    internal void Delivered(int count) => Interlocked.Add(ref recordsDelivered, count);

    internal void Batch() => Interlocked.Increment(ref batches);

    internal void Retry() => Interlocked.Increment(ref retries);

    internal void ShardCompleted() => Interlocked.Increment(ref shardsCompleted);

    internal void IteratorRefreshed() => Interlocked.Increment(ref iteratorRefreshes);

    public override string ToString() =>
        $"records {RecordsDelivered}, batches {Batches}, retries {Retries}, shards completed {ShardsCompleted}, iterator refreshes {IteratorRefreshes}";
}
