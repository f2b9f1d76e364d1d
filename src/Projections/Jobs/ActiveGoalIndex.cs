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
    public static string Partition(int shard) => $"STATUS#active#{shard:D2}";

    public async IAsyncEnumerable<GoalRef> ShardAsync(int shard, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = table,
            IndexName = Keys.Gsi1,
            KeyConditionExpression = "GSI1PK = :pk",
            ProjectionExpression = "PK, SK",
            ExpressionAttributeValues = new() { [":pk"] = new(Partition(shard)) },
        };
        await foreach (var head in db.QueryItemsAsync(request, ct))
        {
            yield return new GoalRef(head[Keys.PK].S["USER#".Length..], head[Keys.SK].S[Keys.GoalPrefix.Length..]);
        }
    }
}
