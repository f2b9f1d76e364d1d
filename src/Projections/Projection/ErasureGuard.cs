using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Memory;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// Keeps the projector from writing for a user being erased or erased: goals whose head marks came through the
/// stream are remembered (bounded; only those goals, so the user's new goals after the erasure project as usual), and where a pass cannot tell from its own writes (a first pass, or a progress
/// item that vanished under it) the goal head is read: missing or marked means the goal's read models must go.
/// </summary>
public sealed class ErasureGuard(IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
    public const int Capacity = 10_000;

    private readonly RecentVersions<(string UserId, string GoalId), long> erased = new(Capacity, _ => 0);

    public void Saw(string userId, string goalId) => erased.Set((userId, goalId), 0);

    public bool Known(string userId, string goalId) => erased.TryGet((userId, goalId), out _);

    /// <summary>True when the goal's head is gone or marked for erasure (consistent read).</summary>
    public async Task<bool> GoneAsync(string userId, string goalId, CancellationToken ct)
    {
        if (Known(userId, goalId))
        {
            return true;
        }

        var response = await db.GetItemAsync(new GetItemRequest
        {
            TableName = options.Value.TableName,
            ConsistentRead = true,
            Key = new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(Keys.Goal(goalId)) },
            ProjectionExpression = "SK, #m",
            ExpressionAttributeNames = new() { ["#m"] = ErasureItems.Marker },
        }, ct);
        var gone = !response.IsItemSet || response.Item is not { Count: > 0 } head || head.ContainsKey(ErasureItems.Marker);
        if (gone && response.Item is { Count: > 0 })
        {
            Saw(userId, goalId);
        }

        return gone;
    }

    /// <summary>Deletes what a pass or a rebuild wrote for an erased user (unconditionally: nothing of theirs may stay).</summary>
    public Task UndoAsync(IEnumerable<Dictionary<string, AttributeValue>> written, CancellationToken ct) =>
        Task.WhenAll(written
            .DistinctBy(item => (item[Keys.PK].S, item[Keys.SK].S))
            .Chunk(BatchWrites.PerCall)
            .Select(chunk => db.SendAsync(options.Value.TableName,
                [.. chunk.Select(item => new WriteRequest { DeleteRequest = new DeleteRequest { Key = new() { [Keys.PK] = item[Keys.PK], [Keys.SK] = item[Keys.SK] } } })],
                null, ct)));
}
