using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Infrastructure.Dynamo;

/// <summary>
/// The one table: keys, GSI1 (status), GSI2 (dates), streams with both images, TTL on <c>ttl</c>.
/// infra/ declares the same shape for AWS; the infra tests compare the two.
/// </summary>
public static class TableSchema
{
    public static readonly StreamViewType StreamView = StreamViewType.NEW_AND_OLD_IMAGES;

    public static CreateTableRequest CreateRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new(Keys.PK, ScalarAttributeType.S),
            new(Keys.SK, ScalarAttributeType.S),
            new(Keys.Gsi1PK, ScalarAttributeType.S),
            new(Keys.Gsi1SK, ScalarAttributeType.S),
            new(Keys.Gsi2PK, ScalarAttributeType.S),
            new(Keys.Gsi2SK, ScalarAttributeType.S),
        ],
        KeySchema = [new(Keys.PK, KeyType.HASH), new(Keys.SK, KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            Index(Keys.Gsi1, Keys.Gsi1PK, Keys.Gsi1SK),
            Index(Keys.Gsi2, Keys.Gsi2PK, Keys.Gsi2SK),
        ],
        StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamView },
    };

    private static GlobalSecondaryIndex Index(string name, string hash, string range) => new()
    {
        IndexName = name,
        KeySchema = [new(hash, KeyType.HASH), new(range, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };

    /// <summary>Creates the table when missing and waits until it is ACTIVE. Returns true if it created it.</summary>
    public static async Task<bool> EnsureAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct = default)
    {
        try
        {
            await client.DescribeTableAsync(tableName, ct);
            return false;
        }
        catch (ResourceNotFoundException)
        {
        }

        try
        {
            await client.CreateTableAsync(CreateRequest(tableName), ct);
        }
        catch (ResourceInUseException)
        {
            // Another process of the stack created it first.
        }

        await WaitActiveAsync(client, tableName, ct);
        await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = tableName,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = Keys.Ttl, Enabled = true },
        }, ct);
        return true;
    }

    private static async Task WaitActiveAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        for (var i = 0; i < 300; i++)
        {
            var d = await client.DescribeTableAsync(tableName, ct);
            if (d.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"Table {tableName} did not become ACTIVE.");
    }
}
