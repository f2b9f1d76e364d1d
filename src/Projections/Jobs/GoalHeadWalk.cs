using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Jobs;

/// <summary>A goal head as the insights need it: whose, which, in what status, from which template.</summary>
public sealed record HeadRef(string UserId, string GoalId, GoalStatus Status, string? TemplateId);

/// <summary>
/// Goal heads of every status: all of them through the GSI1 status shards (Query, never Scan; marked heads have
/// left the index), or one user's through their partition.
/// </summary>
public sealed class GoalHeadWalk(ActiveGoalIndex index, IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
    private const string TemplateId = "templateId";

    public async IAsyncEnumerable<HeadRef> AllAsync(GoalStatus status, int shard, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var head in index.HeadsAsync(Keys.StatusShard(status.ToWire(), shard), $"{Keys.PK}, {Keys.SK}, {TemplateId}", ct))
        {
            var goal = GoalRef.OfHead(head);
            yield return new HeadRef(goal.UserId, goal.GoalId, status, head.TryGetValue(TemplateId, out var t) ? t.S : null);
        }
    }

    public async Task<List<HeadRef>> UserAsync(string userId, CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = options.Value.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :goal)",
            ExpressionAttributeValues = new() { [":pk"] = new(Keys.User(userId)), [":goal"] = new(Keys.GoalPrefix) },
        };
        var heads = new List<HeadRef>();
        await foreach (var item in db.QueryItemsAsync(request, ct))
        {
            if (!item.ContainsKey(ErasureItems.Marker))
            {
                var s = GoalHeadItems.FromItem(item);
                heads.Add(new HeadRef(s.UserId, s.GoalId, s.Status, s.TemplateId));
            }
        }

        return heads;
    }
}
