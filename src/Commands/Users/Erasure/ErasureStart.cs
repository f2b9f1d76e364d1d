using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Infrastructure.Dynamo;

namespace Lifestyle.Commands.Users.Erasure;

/// <summary>The two transactions that open and close an erasure.</summary>
internal static class ErasureStart
{
    public static List<TransactWriteItem> Items(string table, ErasureJob job, string userHash)
    {
        var now = Keys.Timestamp(job.RequestedAt);
        return
        [
            new()
            {
                // PROFILE first: its condition is what makes a second request find the running erasure.
                Update = new Update
                {
                    TableName = table,
                    Key = Profile(job.UserId),
                    UpdateExpression = "SET #m = :id, entity = :entity, erasureRequestedAt = :now",
                    ConditionExpression = "attribute_not_exists(#m)",
                    ExpressionAttributeNames = new() { ["#m"] = ErasureItems.Marker },
                    ExpressionAttributeValues = new() { [":id"] = new(job.ErasureId), [":entity"] = new("profile"), [":now"] = new(now) },
                },
            },
            Put(table, ErasureItems.AuditKey(job.ErasureId), new()
            {
                ["entity"] = new("erasure-audit"), ["erasureId"] = new(job.ErasureId), ["status"] = new(ErasureItems.Pending),
                ["userHash"] = new(userHash), ["requestedAt"] = new(now),
            }),
            Put(table, ErasureItems.PendingKey(job.ErasureId), new()
            {
                ["entity"] = new("erasure-pending"), ["erasureId"] = new(job.ErasureId), ["userId"] = new(job.UserId),
                ["requestedAt"] = new(now), ["items"] = ErasureLedger.Number(0),
            }),
        ];
    }

    public static List<TransactWriteItem> Finish(string table, ErasureJob job, long items, DateTimeOffset now) =>
    [
        new()
        {
            Delete = new Delete
            {
                TableName = table,
                Key = Profile(job.UserId),
                ConditionExpression = "#m = :id",
                ExpressionAttributeNames = new() { ["#m"] = ErasureItems.Marker },
                ExpressionAttributeValues = new() { [":id"] = new(job.ErasureId) },
            },
        },
        new()
        {
            Update = new Update
            {
                TableName = table,
                Key = ErasureItems.AuditKey(job.ErasureId),
                UpdateExpression = "SET #status = :done, #items = :n, finishedAt = :now",
                ExpressionAttributeNames = new() { ["#status"] = "status", ["#items"] = "items" },
                ExpressionAttributeValues = new()
                {
                    [":done"] = new(ErasureItems.Done), [":n"] = ErasureLedger.Number(items), [":now"] = new(Keys.Timestamp(now)),
                },
            },
        },
        new() { Delete = new Delete { TableName = table, Key = ErasureItems.PendingKey(job.ErasureId) } },
    ];

    private static TransactWriteItem Put(string table, Dictionary<string, AttributeValue> key, Dictionary<string, AttributeValue> fields)
    {
        foreach (var (name, value) in key)
        {
            fields[name] = value;
        }

        return new() { Put = new Put { TableName = table, Item = fields, ConditionExpression = Conditions.Absent } };
    }

    private static Dictionary<string, AttributeValue> Profile(string userId) =>
        new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(Keys.Profile) };
}
