using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Stream;

/// <summary>A shard's saved position: every record up to <paramref name="SequenceNumber"/> is handled; closed = fully read.</summary>
public sealed record ShardCheckpoint(string ShardId, string? SequenceNumber, bool Closed);

/// <summary>Reads and writes the consumer's per-shard checkpoints (see <see cref="StreamCheckpointKeys"/>).</summary>
public sealed class CheckpointStore(IAmazonDynamoDB dynamo, string tableName, TimeProvider? time = null)
{
    /// <summary>Closed shards leave the stream 24 h after their last record; their checkpoints may go a day after that.</summary>
    private static readonly TimeSpan ClosedRetention = TimeSpan.FromDays(2);
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public async Task<IReadOnlyDictionary<string, ShardCheckpoint>> LoadAsync(string streamArn, CancellationToken ct)
    {
        var result = new Dictionary<string, ShardCheckpoint>(StringComparer.Ordinal);
        var request = new QueryRequest
        {
            TableName = tableName,
            ConsistentRead = true,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
            ExpressionAttributeNames = new() { ["#pk"] = Keys.PK, ["#sk"] = Keys.SK },
            ExpressionAttributeValues = new()
            {
                [":pk"] = new AttributeValue { S = StreamCheckpointKeys.Partition },
                [":prefix"] = new AttributeValue { S = StreamCheckpointKeys.SortPrefix },
            },
        };
        await foreach (var item in dynamo.QueryItemsAsync(request, ct))
        {
            if (Text(item, StreamCheckpointKeys.StreamArn) == streamArn && Text(item, StreamCheckpointKeys.ShardId) is { } shardId)
            {
                var closed = item.TryGetValue(StreamCheckpointKeys.Closed, out var c) && c.BOOL == true;
                result[shardId] = new ShardCheckpoint(shardId, Text(item, StreamCheckpointKeys.SequenceNumber), closed);
            }
        }

        return result;
    }

    public Task SaveAsync(string streamArn, ShardCheckpoint checkpoint, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var item = new Dictionary<string, AttributeValue>
        {
            [Keys.PK] = new() { S = StreamCheckpointKeys.Partition },
            [Keys.SK] = new() { S = StreamCheckpointKeys.Sort(checkpoint.ShardId) },
            [StreamCheckpointKeys.StreamArn] = new() { S = streamArn },
            [StreamCheckpointKeys.ShardId] = new() { S = checkpoint.ShardId },
            [StreamCheckpointKeys.Closed] = new() { BOOL = checkpoint.Closed },
            [StreamCheckpointKeys.UpdatedAt] = new() { S = Keys.Timestamp(now) },
        };
        if (checkpoint.SequenceNumber is not null)
        {
            item[StreamCheckpointKeys.SequenceNumber] = new() { S = checkpoint.SequenceNumber };
        }

        if (checkpoint.Closed)
        {
            var expires = now.Add(ClosedRetention).ToUnixTimeSeconds();
            item[Keys.Ttl] = new() { N = expires.ToString(CultureInfo.InvariantCulture) };
        }

        return dynamo.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, ct);
    }

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;
}
