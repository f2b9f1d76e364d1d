using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Commands.Common;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.EventStore;

/// <summary><c>IDEMPOTENCY#key</c> items: the first response to a key, kept 24 h (ttl).</summary>
public sealed class IdempotencyRecords(IAmazonDynamoDB db, IOptions<DynamoOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task<StoredResponse?> FindAsync(string userId, string key, CancellationToken ct)
    {
        var response = await db.GetItemAsync(new GetItemRequest
        {
            TableName = options.Value.TableName,
            ConsistentRead = true,
            Key = new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(Keys.Idempotency(key)) },
        }, ct);
        var item = response.Item;
        if (!response.IsItemSet || item is null || item.Count == 0 || Expired(item))
        {
            return null;
        }

        var body = JsonSerializer.Deserialize<CommandResponse>(item["body"].S, StoreJson.Options)!;
        var status = int.Parse(item["statusCode"].N, CultureInfo.InvariantCulture);
        return new StoredResponse(item["fingerprint"].S, new CommandResult(status, body, Replayed: true));
    }

    /// <summary>The put that joins the append transaction; an expired record (TTL deletes lazily) may be replaced.</summary>
    public static TransactWriteItem Put(string table, string userId, IdempotencyRequest idem, CommandResult result, DateTimeOffset now) => new()
    {
        Put = new Put
        {
            TableName = table,
            Item = new()
            {
                [Keys.PK] = new(Keys.User(userId)),
                [Keys.SK] = new(Keys.Idempotency(idem.Key)),
                ["entity"] = new("idempotency"),
                ["fingerprint"] = new(idem.Fingerprint),
                ["statusCode"] = new() { N = result.StatusCode.ToString(CultureInfo.InvariantCulture) },
                ["body"] = new(JsonSerializer.Serialize(result.Body, StoreJson.Options)),
                ["goalId"] = new(result.Body.GoalId),
                ["createdAt"] = new(Keys.Timestamp(now)),
                [Keys.Ttl] = new() { N = EpochSeconds(now + Retention) },
            },
            ConditionExpression = $"{Conditions.Absent} OR #ttl < :now",
            ExpressionAttributeNames = new() { ["#ttl"] = Keys.Ttl },
            ExpressionAttributeValues = new() { [":now"] = new() { N = EpochSeconds(now) } },
        },
    };

    /// <summary>Records the answer of a command that appended nothing; false when another request took the key first.</summary>
    public async Task<bool> TryRecordAsync(string userId, IdempotencyRequest idem, CommandResult result, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await db.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [Put(options.Value.TableName, userId, idem, result, now), GoalIsLive(userId, result.Body.GoalId)],
            }, ct);
            return true;
        }
        catch (TransactionCanceledException)
        {
            return false;
        }
    }

    /// <summary>No record lands in the partition of a user being erased (or for a goal that is gone).</summary>
    private TransactWriteItem GoalIsLive(string userId, string goalId) => new()
    {
        ConditionCheck = new ConditionCheck
        {
            TableName = options.Value.TableName,
            Key = new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(Keys.Goal(goalId)) },
            ConditionExpression = Conditions.And(Conditions.Present, Conditions.NotErasing),
        },
    };

    private bool Expired(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(Keys.Ttl, out var ttl)
        && long.Parse(ttl.N, CultureInfo.InvariantCulture) < time.GetUtcNow().ToUnixTimeSeconds();

    private static string EpochSeconds(DateTimeOffset t) => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
