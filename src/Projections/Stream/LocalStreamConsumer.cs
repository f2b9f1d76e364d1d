using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// Reads the table's stream (DynamoDB Local, or any Streams endpoint) with the semantics of the Lambda event
/// source mapping: every shard in order, a parent shard fully before its children, batches of
/// <see cref="StreamConsumerOptions.BatchSize"/>, a checkpoint per shard in the table, and on a failure a retry
/// from the first failed record with backoff, never skipping it.
/// </summary>
public sealed class LocalStreamConsumer : BackgroundService
{
    private readonly DynamoStreamsClient streams;
    private readonly StreamConsumerOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider clock;
    private readonly CheckpointStore checkpoints;
    private readonly ShardReader reader;
    private readonly TableStreamLocator locator;

    public LocalStreamConsumer(
        IAmazonDynamoDB dynamo,
        DynamoStreamsClient streams,
        IChangeBatchHandler handler,
        DynamoOptions table,
        StreamConsumerOptions options,
        ILogger<LocalStreamConsumer> logger,
        TimeProvider? time = null)
    {
        this.streams = streams;
        this.options = options;
        this.logger = logger;
        clock = time ?? TimeProvider.System;
        checkpoints = new CheckpointStore(dynamo, table.TableName, clock);
        reader = new ShardReader(streams, handler, checkpoints, options, Counters, logger, clock);
        locator = new TableStreamLocator(dynamo, table, logger, clock);
    }

    public StreamConsumerCounters Counters { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConsumeAsync(await locator.WaitForStreamAsync(stoppingToken), stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Lost the stream (table re-created) or the endpoint: start over from the saved checkpoints.
                failures++;
                logger.LogError(e, "Stream consumer failed ({Failures} in a row); restarting from the checkpoints", failures);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * failures, 5000)), clock, stoppingToken);
            }
        }

        logger.LogInformation("Stream consumer stopped: {Counters}", Counters);
    }

    /// <summary>Reads the stream until it is replaced (streams turned off and on again) and fully read.</summary>
    private async Task ConsumeAsync(string streamArn, CancellationToken ct)
    {
        var saved = await checkpoints.LoadAsync(streamArn, ct);
        var cursors = new Dictionary<string, ShardCursor>(StringComparer.Ordinal);
        var describeAt = DateTimeOffset.MinValue;
        logger.LogInformation("Consuming {StreamArn} ({Saved} shard checkpoints)", streamArn, saved.Count);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (clock.GetUtcNow() >= describeAt)
            {
                await DiscoverAsync(streamArn, cursors, saved, ct);
                describeAt = clock.GetUtcNow() + options.ShardRefreshInterval;
                if (cursors.Values.All(c => c.Done) && !await locator.IsCurrentAsync(streamArn, ct))
                {
                    logger.LogInformation("Stream {StreamArn} is fully read and no longer the table's; moving on", streamArn);
                    return;
                }
            }

            var busy = false;
            foreach (var cursor in cursors.Values.Where(c => c.IsReady(cursors, clock.GetUtcNow())).ToList())
            {
                busy |= await reader.ReadAsync(streamArn, cursor, ct);
                if (cursor.Done)
                {
                    describeAt = DateTimeOffset.MinValue;
                }
            }

            if (!busy)
            {
                await Task.Delay(options.PollInterval, clock, ct);
            }
        }
    }

    private async Task DiscoverAsync(
        string streamArn, Dictionary<string, ShardCursor> cursors, IReadOnlyDictionary<string, ShardCheckpoint> saved, CancellationToken ct)
    {
        var stream = await streams.DescribeStreamAsync(streamArn, ct);
        foreach (var shard in stream.Shards)
        {
            if (cursors.TryGetValue(shard.ShardId, out var known))
            {
                known.Shard = shard;
                continue;
            }

            cursors[shard.ShardId] = new ShardCursor(shard, saved.GetValueOrDefault(shard.ShardId));
            logger.LogDebug("Shard {ShardId} (parent {Parent})", shard.ShardId, shard.ParentShardId);
        }
    }
}
