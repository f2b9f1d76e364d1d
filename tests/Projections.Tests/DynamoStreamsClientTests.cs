using Amazon.DynamoDBv2.Model;
using Lifestyle.Projections.Stream;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

[Collection(StreamsCollection.Name)]
public sealed class DynamoStreamsClientTests(StreamsFixture fixture)
{
    [Fact]
    public async Task Reads_a_shard_from_the_start_in_pages_with_all_attribute_types()
    {
        var table = await fixture.NewTableAsync();
        await fixture.Client.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new()
            {
                ["PK"] = new() { S = "USER#x" },
                ["SK"] = new() { S = "ITEM" },
                ["n"] = new() { N = "1.50" },
                ["b"] = new() { B = new MemoryStream([1, 2, 3]) },
                ["l"] = new() { L = [new() { S = "q" }, new() { NULL = true }, new() { BOOL = false }] },
                ["ns"] = new() { NS = ["1", "2"] },
            },
        });
        await new TableWrites(fixture.Client, table).PutInterleavedAsync(["USER#y"], perKey: 4);
        using var streams = fixture.StreamsClient(table);
        var arn = await DynamoStreamsClient.FindLatestStreamArnAsync(fixture.Client, table, CancellationToken.None);

        var stream = await streams.DescribeStreamAsync(arn!, CancellationToken.None);
        var shard = Assert.Single(stream.Shards);
        var iterator = await streams.GetShardIteratorAsync(arn!, shard.ShardId, ShardIteratorType.TrimHorizon, null, CancellationToken.None);
        var first = await streams.GetRecordsAsync(iterator, 2, arn, CancellationToken.None);
        var rest = await streams.GetRecordsAsync(first.NextShardIterator!, 100, arn, CancellationToken.None);

        Assert.Equal("ENABLED", stream.StreamStatus);
        Assert.Equal(2, first.Records.Count);
        Assert.Equal(3, rest.Records.Count);
        var image = first.Records[0].NewImage!;
        Assert.Equal(arn, first.Records[0].EventSourceArn);
        Assert.Equal(new byte[] { 1, 2, 3 }, image["b"].B.ToArray());
        Assert.Equal("q", image["l"].L[0].S);
        Assert.True(image["l"].L[1].NULL);
        Assert.False(image["l"].L[2].BOOL);
        Assert.Equal(["1", "2"], image["ns"].NS.Order());
        Assert.Equal(["INSERT", "INSERT"], first.Records.Select(r => r.EventName));
        Assert.Equal(["MODIFY", "MODIFY", "MODIFY"], rest.Records.Select(r => r.EventName));
    }

    [Fact]
    public async Task Iterators_start_at_after_and_latest_as_asked()
    {
        var table = await fixture.NewTableAsync();
        await new TableWrites(fixture.Client, table).PutInterleavedAsync(["USER#a", "USER#b", "USER#c"], perKey: 1);
        using var streams = fixture.StreamsClient(table);
        var arn = (await DynamoStreamsClient.FindLatestStreamArnAsync(fixture.Client, table, CancellationToken.None))!;
        var shardId = (await streams.DescribeStreamAsync(arn, CancellationToken.None)).Shards[0].ShardId;
        var all = await ReadAsync(streams, arn, shardId, ShardIteratorType.TrimHorizon, null);
        var second = all[1].SequenceNumber;

        Assert.Equal(["USER#b", "USER#c"], (await ReadAsync(streams, arn, shardId, ShardIteratorType.AtSequenceNumber, second)).Select(r => r.PartitionKey));
        Assert.Equal(["USER#c"], (await ReadAsync(streams, arn, shardId, ShardIteratorType.AfterSequenceNumber, second)).Select(r => r.PartitionKey));
        Assert.Empty(await ReadAsync(streams, arn, shardId, ShardIteratorType.Latest, null));
    }

    [Fact]
    public async Task Api_errors_carry_their_type()
    {
        var table = await fixture.NewTableAsync();
        using var streams = fixture.StreamsClient(table);
        var arn = (await DynamoStreamsClient.FindLatestStreamArnAsync(fixture.Client, table, CancellationToken.None))!;

        var missing = await Assert.ThrowsAsync<DynamoStreamsException>(() => streams.DescribeStreamAsync(arn + "x", CancellationToken.None));
        var invalid = await Assert.ThrowsAsync<DynamoStreamsException>(() => streams.GetRecordsAsync("not-an-iterator", 10, arn, CancellationToken.None));

        Assert.True(missing.IsResourceNotFound, missing.Message);
        Assert.Equal("ValidationException", invalid.ErrorType);
    }

    private static async Task<IReadOnlyList<ChangeRecord>> ReadAsync(
        DynamoStreamsClient streams, string arn, string shardId, ShardIteratorType type, string? sequence)
    {
        var iterator = await streams.GetShardIteratorAsync(arn, shardId, type, sequence, CancellationToken.None);
        return (await streams.GetRecordsAsync(iterator, 100, arn, CancellationToken.None)).Records;
    }
}
