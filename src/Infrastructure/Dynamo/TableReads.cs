using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Infrastructure.Dynamo;

public static class TableReads
{
    /// <summary>A strongly consistent GetItem by PK/SK; null when there is no such item.</summary>
    public static async Task<Dictionary<string, AttributeValue>?> GetItemOrNullAsync(
        this IAmazonDynamoDB db, string table, string pk, string sk, CancellationToken ct)
    {
        var response = await db.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            ConsistentRead = true,
            Key = new() { [Keys.PK] = new(pk), [Keys.SK] = new(sk) },
        }, ct);
        return response.IsItemSet && response.Item is { Count: > 0 } item ? item : null;
    }
}
