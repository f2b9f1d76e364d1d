using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Jobs;

/// <summary>Active goals, one GSI1 status shard at a time (<c>STATUS#active#00</c> … <c>#15</c>): Query, never Scan.</summary>
public sealed class ActiveGoalIndex(IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
    private readonly string table = options.Value.TableName;

    /// <summary>The partition <see cref="Keys.StatusPartition"/> gives active goals of that shard.</summary>
    public static string Partition(int shard) => Keys.StatusShard("active", shard);

    public async IAsyncEnumerable<GoalRef> ShardAsync(int shard, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var head in HeadsAsync(Partition(shard), "PK, SK", ct))
        {
            yield return GoalRef.OfHead(head);
        }
    }

    /// <summary>The goal heads of one GSI1 partition, with the attributes <paramref name="projection"/> names.</summary>
    public IAsyncEnumerable<Dictionary<string, AttributeValue>> HeadsAsync(string partition, string projection, CancellationToken ct) =>
        db.QueryItemsAsync(new QueryRequest
        {
            TableName = table,
            IndexName = Keys.Gsi1,
            KeyConditionExpression = "GSI1PK = :pk",
            ProjectionExpression = projection,
            ExpressionAttributeValues = new() { [":pk"] = new(partition) },
        }, ct);
}
