using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Projections.Stream;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

[Collection(StreamsCollection.Name)]
public sealed class LocalStreamConsumerTests(StreamsFixture fixture)
{
    private static readonly string[] Keys = ["USER#a", "USER#b", "USER#c", "USER#d"];

    [Fact]
    public async Task Every_record_is_delivered_once_in_order_per_key()
    {
        var table = await fixture.NewTableAsync();
        var written = await new TableWrites(fixture.Client, table).PutInterleavedAsync(Keys, perKey: 15);
        var handler = new RecordingHandler();
        using var consumer = fixture.Consumer(table, handler, batchSize: 7);

        await consumer.StartAsync(CancellationToken.None);
        await handler.WaitForAsync(written.Count);
        await Task.Delay(300);
        await consumer.StopAsync(CancellationToken.None);

        var delivered = handler.Accepted.Select(TableWrites.Identity).ToList();
        Assert.Equal(written.Count, delivered.Count);
        Assert.Equal(written.Order(), delivered.Order());
        foreach (var key in Keys)
        {
            Assert.Equal(Enumerable.Range(1, 15), delivered.Where(d => d.Key == key).Select(d => d.N));
        }

        Assert.All(handler.Batches, b => Assert.InRange(b.Count, 1, 7));
        Assert.Equal(written.Count, consumer.Counters.RecordsDelivered);
        Assert.Equal(0, consumer.Counters.Retries);
    }

    [Fact]
    public async Task A_failed_record_is_retried_from_itself_before_anything_after_it()
    {
        var table = await fixture.NewTableAsync();
        var written = await new TableWrites(fixture.Client, table).PutInterleavedAsync(Keys, perKey: 5);
        // The 10th write, in the middle of a batch of 4: the records before it count, the rest wait for it.
        var failing = written[9];
        var handler = new RecordingHandler(r => TableWrites.Identity(r) == failing);
        using var consumer = fixture.Consumer(table, handler, batchSize: 4);

        await consumer.StartAsync(CancellationToken.None);
        await handler.WaitForAsync(written.Count);
        await Task.Delay(300);
        await consumer.StopAsync(CancellationToken.None);

        var failedSequence = Assert.Single(handler.FailedOnce);
        var accepted = handler.Accepted;
        Assert.Equal(written, accepted.Select(TableWrites.Identity));
        var order = accepted.Select(r => RecordingHandler.Order(r.SequenceNumber)).ToList();
        Assert.Equal(order.Order(), order);

        var failedBatch = handler.Batches.Select((b, i) => (b, i)).First(x => x.b.Any(r => r.SequenceNumber == failedSequence));
        Assert.NotEqual(failedSequence, failedBatch.b[0].SequenceNumber);
        Assert.Equal(failedSequence, handler.Batches[failedBatch.i + 1][0].SequenceNumber);
        Assert.Equal(1, consumer.Counters.Retries);
        Assert.Equal(written.Count, consumer.Counters.RecordsDelivered);
    }

    [Fact]
    public async Task After_a_restart_checkpointed_records_are_not_delivered_again()
    {
        var table = await fixture.NewTableAsync();
        var writes = new TableWrites(fixture.Client, table);
        var first = await writes.PutInterleavedAsync(Keys, perKey: 6);
        var before = new RecordingHandler();
        using (var consumer = fixture.Consumer(table, before, batchSize: 5))
        {
            await consumer.StartAsync(CancellationToken.None);
            await before.WaitForAsync(first.Count);
            await WaitForCheckpointAsync(table, before.Accepted[^1].SequenceNumber);
            await consumer.StopAsync(CancellationToken.None);
        }

        var second = await writes.PutInterleavedAsync(Keys, perKey: 3, firstN: 7);
        var after = new RecordingHandler();
        using (var consumer = fixture.Consumer(table, after, batchSize: 5))
        {
            await consumer.StartAsync(CancellationToken.None);
            await after.WaitForAsync(second.Count);
            await Task.Delay(500);
            await consumer.StopAsync(CancellationToken.None);
        }

        Assert.Equal(first, before.Accepted.Select(TableWrites.Identity));
        Assert.Equal(second, after.Accepted.Select(TableWrites.Identity));
    }

    [Fact]
    public async Task A_closed_shard_is_read_to_its_end_and_marked_done_and_a_new_stream_is_followed()
    {
        var table = await fixture.NewTableAsync();
        var written = await new TableWrites(fixture.Client, table).PutInterleavedAsync(Keys, perKey: 2);
        var arn = (await DynamoStreamsClient.FindLatestStreamArnAsync(fixture.Client, table, CancellationToken.None))!;
        var handler = new RecordingHandler();
        using var consumer = fixture.Consumer(table, handler);
        await consumer.StartAsync(CancellationToken.None);
        await handler.WaitForAsync(written.Count);

        // Turning the stream off closes its shards: their readers reach the end (no next iterator).
        await fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            StreamSpecification = new StreamSpecification { StreamEnabled = false },
        });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (consumer.Counters.ShardsCompleted == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, consumer.Counters.ShardsCompleted);
        var saved = await new CheckpointStore(fixture.Client, table).LoadAsync(arn, CancellationToken.None);
        Assert.True(Assert.Single(saved.Values).Closed);

        // On again: a new stream, which the consumer moves on to.
        await fixture.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        var more = await new TableWrites(fixture.Client, table).PutInterleavedAsync(Keys, perKey: 1, firstN: 3);
        await handler.WaitForAsync(written.Count + more.Count);
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal([.. written, .. more], handler.Accepted.Select(TableWrites.Identity));
    }

    private async Task WaitForCheckpointAsync(string table, string sequenceNumber)
    {
        var store = new CheckpointStore(fixture.Client, table);
        var arn = await DynamoStreamsClient.FindLatestStreamArnAsync(fixture.Client, table, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var saved = await store.LoadAsync(arn!, CancellationToken.None);
            if (saved.Values.Any(c => c.SequenceNumber is { } s && RecordingHandler.Order(s) >= RecordingHandler.Order(sequenceNumber)))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "No checkpoint reached " + sequenceNumber);
            await Task.Delay(20);
        }
    }
}
