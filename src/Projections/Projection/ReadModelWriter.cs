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
    private readonly ReadModelTransactions transactions = new(db, options.Value.TableName);

    /// <summary>
    /// Puts the items, then <paramref name="last"/>, in transactions where every gate allows it, else one by one (at
    /// most 8 at a time, the last after the others); counts the items written. With
    /// <paramref name="lastMustExist"/> the last put also requires its item to be there already and
    /// <see cref="PutOutcome.LastMissing"/> tells when it was not (someone deleted it: nothing is written then).
    /// </summary>
    public async Task<PutOutcome> PutAllAsync(
        IReadOnlyList<Dictionary<string, AttributeValue>> items, Dictionary<string, AttributeValue> last, long version,
        bool rebuild, CancellationToken ct, bool lastMustExist = false)
    {
        var itemGate = Gate(rebuild);
        if (await transactions.TryPutAllAsync(items, last, version, itemGate, lastMustExist ? Conditions.ExistingOlderThanV : itemGate, ct))
        {
            return new PutOutcome(items.Count + 1, false);
        }

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
        var count = written.Count(w => w);
        if (!lastMustExist)
        {
            return new PutOutcome(count + (await PutAsync(last, version, rebuild, ct) ? 1 : 0), false);
        }

        try
        {
            await db.PutItemAsync(new PutItemRequest
            {
                TableName = options.Value.TableName,
                Item = last,
                ConditionExpression = Conditions.ExistingOlderThanV,
                ExpressionAttributeValues = new() { [":v"] = Number(version) },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, ct);
            return new PutOutcome(count + 1, false);
        }
        catch (ConditionalCheckFailedException e)
        {
            return new PutOutcome(count, e.Item is not { Count: > 0 });
        }
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
                ConditionExpression = Conditions.OlderThanV,
                ExpressionAttributeValues = new() { [":v"] = Number(version) },
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
                ConditionExpression = Gate(rebuild),
                ExpressionAttributeValues = new() { [":v"] = Number(version) },
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            // Already at this version or newer: another pass got there first.
            return false;
        }
    }

    private static string Gate(bool rebuild) => rebuild ? Conditions.NotNewerThanV : Conditions.OlderThanV;

    private static AttributeValue Number(long n) => new() { N = n.ToString(CultureInfo.InvariantCulture) };
}

/// <summary>How many items a pass wrote, and whether its last (progress) item had vanished.</summary>
public sealed record PutOutcome(int Written, bool LastMissing);
