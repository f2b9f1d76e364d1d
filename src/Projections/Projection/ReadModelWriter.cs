using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// Version-gated read-model puts. The live projector writes only over older versions; a rebuild
/// also rewrites the same version (to repair it) but never a newer one the live projector wrote.
/// </summary>
public sealed class ReadModelWriter(IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
    /// <summary>Puts the items (at most 8 at a time), then <paramref name="last"/>; true for each item written.</summary>
    public async Task<int> PutAllAsync(
        IReadOnlyList<Dictionary<string, AttributeValue>> items, Dictionary<string, AttributeValue> last, long version,
        bool rebuild, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(8);
        var written = await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await PutAsync(item, version, rebuild, ct);
            }
            finally
            {
                gate.Release();
            }
        }));

        // The progress item last: it records the applied version, so a crash before it redoes the pass.
        return written.Count(w => w) + (await PutAsync(last, version, rebuild, ct) ? 1 : 0);
    }

    /// <summary>Removes a read-model item (a day whose activities were all removed) unless a newer pass rewrote it.</summary>
    public async Task DeleteAsync(string userId, string sortKey, long version, CancellationToken ct)
    {
        try
        {
            await db.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = options.Value.TableName,
                Key = new() { [Keys.PK] = new(Keys.User(userId)), [Keys.SK] = new(sortKey) },
                ConditionExpression = "attribute_not_exists(version) OR version < :v",
                ExpressionAttributeValues = new() { [":v"] = new() { N = version.ToString(CultureInfo.InvariantCulture) } },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
        }
    }

    public async Task<bool> PutAsync(Dictionary<string, AttributeValue> item, long version, bool rebuild, CancellationToken ct)
    {
        try
        {
            await db.PutItemAsync(new PutItemRequest
            {
                TableName = options.Value.TableName,
                Item = item,
                ConditionExpression = rebuild ? "attribute_not_exists(version) OR version <= :v" : "attribute_not_exists(version) OR version < :v",
                ExpressionAttributeValues = new() { [":v"] = new() { N = version.ToString(CultureInfo.InvariantCulture) } },
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            // Already at this version or newer: another pass got there first.
            return false;
        }
    }
}
