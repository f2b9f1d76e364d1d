using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// Reads one batch of one shard and hands it to the handler, like the Lambda event source mapping does: in
/// order, checkpointing what was handled, and on a failure re-reading from the first failed record after a backoff.
/// </summary>
internal sealed class ShardReader(
    DynamoStreamsClient streams,
    IChangeBatchHandler handler,
    CheckpointStore checkpoints,
    StreamConsumerOptions options,
    StreamConsumerCounters counters,
    ILogger logger,
    TimeProvider clock)
{
    /// <summary>Returns true when it read records or the shard ended, so the caller polls again without waiting.</summary>
    public async Task<bool> ReadAsync(string streamArn, ShardCursor cursor, CancellationToken ct)
    {
        RecordsPage page;
        try
        {
            cursor.Iterator ??= await NewIteratorAsync(streamArn, cursor, ct);
            page = await streams.GetRecordsAsync(cursor.Iterator, options.BatchSize, streamArn, ct);
        }
        catch (DynamoStreamsException e) when (e.IsExpiredIterator)
        {
            logger.LogInformation("Shard {ShardId}: iterator expired, getting a new one", cursor.ShardId);
            cursor.Iterator = null;
            counters.IteratorRefreshed();
            return true;
        }
        catch (DynamoStreamsException e) when (e.IsTrimmedDataAccess)
        {
            logger.LogWarning("Shard {ShardId}: records after {Position} were trimmed from the stream; reading what is left",
                cursor.ShardId, cursor.Position);
            cursor.ResetToTrimHorizon();
            counters.IteratorRefreshed();
            return true;
        }

        cursor.Started = true;
        var records = page.Records;
        if (records.Count > 0 && !await DeliverAsync(streamArn, cursor, records, ct))
        {
            return true;
        }

        cursor.Iterator = page.NextShardIterator;
        if (page.NextShardIterator is null)
        {
            cursor.Done = true;
            await checkpoints.SaveAsync(streamArn, new ShardCheckpoint(cursor.ShardId, cursor.Position, Closed: true), ct);
            counters.ShardCompleted();
            logger.LogInformation("Shard {ShardId} is closed and fully read", cursor.ShardId);
            return true;
        }

        return records.Count > 0;
    }

    private Task<string> NewIteratorAsync(string streamArn, ShardCursor cursor, CancellationToken ct)
    {
        var (type, sequence) = cursor.NextIteratorRequest(options.StartAtLatest);
        return streams.GetShardIteratorAsync(streamArn, cursor.ShardId, type, sequence, ct);
    }

    /// <summary>True when the whole batch is handled; false when it set the cursor up to retry.</summary>
    private async Task<bool> DeliverAsync(string streamArn, ShardCursor cursor, IReadOnlyList<ChangeRecord> records, CancellationToken ct)
    {
        var batch = records.Where(r => !StreamCheckpointKeys.IsCheckpoint(r)).ToList();
        if (batch.Count == 0)
        {
            // Only our own checkpoint writes: move on without writing another one (which would echo forever).
            cursor.Position = records[^1].SequenceNumber;
            return true;
        }

        var failed = await HandleAsync(cursor, batch, ct);
        if (failed is null)
        {
            counters.Delivered(batch.Count);
            await AdvanceAsync(streamArn, cursor, records[^1].SequenceNumber, ct);
            cursor.RetryFrom = null;
            cursor.ConsecutiveFailures = 0;
            return true;
        }

        var sequences = records.Select(r => r.SequenceNumber).ToList();
        var failedAt = sequences.IndexOf(failed);
        if (failedAt < 0)
        {
            logger.LogWarning("Shard {ShardId}: the handler named {SequenceNumber}, which is not in the batch; retrying the batch",
                cursor.ShardId, failed);
            failedAt = sequences.IndexOf(batch[0].SequenceNumber);
        }

        counters.Delivered(batch.Count(r => sequences.IndexOf(r.SequenceNumber) < failedAt));
        if (failedAt > 0)
        {
            await AdvanceAsync(streamArn, cursor, sequences[failedAt - 1], ct);
        }

        cursor.RetryFrom = sequences[failedAt];
        cursor.Iterator = null;
        cursor.ConsecutiveFailures++;
        var delay = Backoff(cursor.ConsecutiveFailures);
        cursor.NotBefore = clock.GetUtcNow() + delay;
        counters.Retry();
        logger.LogWarning("Shard {ShardId}: record {SequenceNumber} failed ({Failures} in a row); retrying from it in {Delay} ms",
            cursor.ShardId, cursor.RetryFrom, cursor.ConsecutiveFailures, (int)delay.TotalMilliseconds);
        return false;
    }

    private async Task<string?> HandleAsync(ShardCursor cursor, List<ChangeRecord> batch, CancellationToken ct)
    {
        counters.Batch();
        try
        {
            return (await handler.HandleAsync(batch, ct)).FirstFailedSequenceNumber;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Shard {ShardId}: the handler threw; retrying the batch from {SequenceNumber}",
                cursor.ShardId, batch[0].SequenceNumber);
            return batch[0].SequenceNumber;
        }
    }

    private async Task AdvanceAsync(string streamArn, ShardCursor cursor, string sequenceNumber, CancellationToken ct)
    {
        cursor.Position = sequenceNumber;
        await checkpoints.SaveAsync(streamArn, new ShardCheckpoint(cursor.ShardId, sequenceNumber, Closed: false), ct);
    }

    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 16));
        return TimeSpan.FromMilliseconds(Math.Min(options.MinRetryDelay.TotalMilliseconds * factor, options.MaxRetryDelay.TotalMilliseconds));
    }
}
