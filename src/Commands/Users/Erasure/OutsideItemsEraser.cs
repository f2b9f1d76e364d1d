using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.Users.Erasure;

/// <summary>
/// The user's items outside their partition: the projector's failure and parked items of their goals, their goals'
/// Redis repair marks, and replay
/// checkpoints whose position is one of their item keys (an interrupted <c>--resume</c> then rescans that segment
/// from its start, which rebuilds identical items).
/// </summary>
public sealed class OutsideItemsEraser(IAmazonDynamoDB db, IOptions<DynamoOptions> options, BatchDeleter deleter)
{
    private readonly string table = options.Value.TableName;

    public async Task<int> EraseAsync(string userId, CancellationToken ct)
    {
        var failures = await QueryAsync(SystemKeys.Projector, SystemKeys.FailurePrefix(userId), ct);
        var repairs = await QueryAsync(SystemKeys.CacheRepair(userId), userId + "#", ct);
        var checkpoints = (await QueryAsync(SystemKeys.Replay, "RUN#", ct))
            .Where(c => c.TryGetValue("lastKey", out var k) && k.M is { } key && key.TryGetValue(Keys.PK, out var pk) && pk.S == Keys.User(userId));
        var keys = failures.Concat(repairs).Concat(checkpoints)
            .Select(i => new Dictionary<string, AttributeValue> { [Keys.PK] = i[Keys.PK], [Keys.SK] = i[Keys.SK] })
            .ToList();
        return keys.Count == 0 ? 0 : await deleter.DeleteAsync(keys, ct);
    }

    private async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(string pk, string prefix, CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :p)",
            ExpressionAttributeValues = new() { [":pk"] = new(pk), [":p"] = new(prefix) },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            items.AddRange(page.Items ?? []);
        }

        return items;
    }
}
