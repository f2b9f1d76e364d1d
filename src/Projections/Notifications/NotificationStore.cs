using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

/// <summary>
/// The notification items in the table: recorded once per fact, claimed with a lease by whoever publishes,
/// marked sent (and taken out of the pending index) after SNS accepted them.
/// </summary>
public sealed class NotificationStore(IAmazonDynamoDB db, IOptions<DynamoOptions> dynamo, IOptions<NotificationOptions> options, TimeProvider time)
{
    private readonly string table = dynamo.Value.TableName;

    /// <summary>Writes the pending item unless the fact was recorded before; false when it was (nothing to send).</summary>
    public async Task<bool> TryRecordAsync(Notification n, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        try
        {
            await db.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = NotificationItems.NewPending(n, time.GetUtcNow(), leaseUntil),
                ConditionExpression = Conditions.Absent,
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Takes a pending notification whose lease has run out; false when it was sent or someone else holds it.</summary>
    public async Task<bool> TryClaimAsync(NotificationKey key, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        try
        {
            await db.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = key.ToKey(),
                UpdateExpression = "SET #lease = :until",
                ConditionExpression = "#status = :pending AND #lease < :now",
                ExpressionAttributeNames = new() { ["#status"] = NotificationItems.Status, ["#lease"] = NotificationItems.LeaseUntil },
                ExpressionAttributeValues = new()
                {
                    [":pending"] = new(NotificationItems.Pending),
                    [":now"] = new(Keys.Timestamp(now)),
                    [":until"] = new(Keys.Timestamp(now + Lease)),
                },
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>A publish failed: counts it, keeps the error, and lets the sweeper take it at once.</summary>
    public async Task ReleaseAsync(NotificationKey key, string error, CancellationToken ct)
    {
        try
        {
            await db.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = key.ToKey(),
                UpdateExpression = "SET #lease = :now, lastError = :error, lastAttemptAt = :now ADD attempts :one",
                ConditionExpression = "#status = :pending",
                ExpressionAttributeNames = new() { ["#status"] = NotificationItems.Status, ["#lease"] = NotificationItems.LeaseUntil },
                ExpressionAttributeValues = new()
                {
                    [":pending"] = new(NotificationItems.Pending),
                    [":now"] = new(Keys.Timestamp(time.GetUtcNow())),
                    [":error"] = new(error.Length > 500 ? error[..500] : error),
                    [":one"] = NotificationItems.Number(1),
                },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // Sent meanwhile by someone else.
        }
    }

    /// <summary>SNS accepted it: status sent, publishedAt, messageId, a ttl; out of the pending index.</summary>
    public async Task MarkSentAsync(NotificationKey key, string messageId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = key.ToKey(),
            UpdateExpression = "SET #status = :sent, publishedAt = :now, messageId = :id, #ttl = :ttl REMOVE GSI1PK, GSI1SK, #lease",
            ConditionExpression = Conditions.Present,
            ExpressionAttributeNames = new()
            {
                ["#status"] = NotificationItems.Status, ["#lease"] = NotificationItems.LeaseUntil, ["#ttl"] = Keys.Ttl,
            },
            ExpressionAttributeValues = new()
            {
                [":sent"] = new(NotificationItems.Sent),
                [":now"] = new(Keys.Timestamp(now)),
                [":id"] = new(messageId),
                [":ttl"] = NotificationItems.Number((now + TimeSpan.FromDays(options.Value.RetentionDays)).ToUnixTimeSeconds()),
            },
        }, ct);
    }

    /// <summary>Up to <paramref name="limit"/> pending notifications of one shard of the pending index, oldest first.</summary>
    public async Task<List<PendingNotification>> PendingAsync(int shard, int limit, CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = table,
            IndexName = Keys.Gsi1,
            KeyConditionExpression = "GSI1PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new(NotificationItems.PendingPartition(shard)) },
            Limit = Math.Min(limit, 100),
        };
        var found = new List<PendingNotification>();
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            found.AddRange((page.Items ?? []).Select(NotificationItems.ReadPending));
            if (found.Count >= limit)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>The item as stored (tests and operators).</summary>
    public async Task<Dictionary<string, AttributeValue>?> GetAsync(NotificationKey key, CancellationToken ct)
    {
        var response = await db.GetItemAsync(new GetItemRequest { TableName = table, Key = key.ToKey(), ConsistentRead = true }, ct);
        return response.IsItemSet && response.Item.Count > 0 ? response.Item : null;
    }

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);
}
