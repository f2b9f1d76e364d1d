using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Lifestyle.Queries.Common;

/// <summary>
/// A user's goal ids: the Redis set when present (5 min), else the goal heads in the table (a
/// Query on the user's partition, never a scan), which then refill the set whole.
/// </summary>
public sealed class GoalIdIndex(IAmazonDynamoDB db, IOptions<DynamoOptions> options, RedisConnection redis, LiveReadModel live)
{
    public async Task<IReadOnlyList<string>> GoalIdsAsync(string userId, CancellationToken ct)
    {
        var key = CacheKeys.GoalIds(live.Keys, userId);
        if (redis.Enabled)
        {
            try
            {
                var members = await redis.CallAsync("SMEMBERS", cache => cache.SetMembersAsync(key));
                if (members.Length > 0)
                {
                    return members.Select(m => (string)m!).ToList();
                }
            }
            catch (CacheUnavailableException)
            {
            }
        }

        var ids = await FromTableAsync(userId, ct);
        if (ids.Count > 0 && redis.Enabled)
        {
            try
            {
                await redis.CallAsync("MULTI", fill =>
                {
                    var tx = fill.CreateTransaction();
                    _ = tx.SetAddAsync(key, ids.Select(id => (RedisValue)id).ToArray());
                    _ = tx.KeyExpireAsync(key, redis.Options.GoalListTtl);
                    return tx.ExecuteAsync();
                });
            }
            catch (CacheUnavailableException)
            {
            }
        }

        return ids;
    }

    private async Task<List<string>> FromTableAsync(string userId, CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = options.Value.TableName,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :goal)",
            ProjectionExpression = "SK",
            ExpressionAttributeValues = new() { [":pk"] = new(Keys.User(userId)), [":goal"] = new(Keys.GoalPrefix) },
        };
        var ids = new List<string>();
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            ids.AddRange((page.Items ?? []).Select(i => i[Keys.SK].S[Keys.GoalPrefix.Length..]));
        }

        return ids;
    }
}
