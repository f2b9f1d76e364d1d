using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// A pass's read-model puts in as few requests as the table allows: TransactWriteItems of up to
/// <see cref="MaxPerRequest"/> puts, each put keeping its own version gate, the last item in the last request.
/// All or nothing per request: when one gate refuses (a redelivery, a rebuild beside the live projector, an
/// erasure), the caller writes item by item instead, which settles each gate on its own.
/// A pass that fits one request shares it with the passes writing at the same time (<see cref="TransactionGroups"/>).
/// See docs/performance.md ("Store requests per event") for what this saves and what it costs in AWS.
/// </summary>
public sealed class ReadModelTransactions(IAmazonDynamoDB db, string table)
{
    public const int MaxPerRequest = 100;

    private readonly TransactionGroups groups = new(db);

    /// <summary>True when every item was written; false when a request was refused (the rest is the caller's).</summary>
    public async Task<bool> TryPutAllAsync(
        IReadOnlyList<Dictionary<string, AttributeValue>> items, Dictionary<string, AttributeValue> last, long version,
        string gate, string lastGate, CancellationToken ct)
    {
        if (items.Select(i => i[Keys.SK].S).Append(last[Keys.SK].S).Distinct(StringComparer.Ordinal).Count() != items.Count + 1)
        {
            return false;
        }

        var v = new AttributeValue { N = version.ToString(CultureInfo.InvariantCulture) };
        var puts = items.Select(i => Put(i, gate, v)).Append(Put(last, lastGate, v)).ToList();
        if (puts.Count <= TransactionGroups.MaxItems)
        {
            // One request's worth: shared with the passes writing at the same time.
            return await groups.WriteAsync(puts, items.Append(last).Sum(ItemSize.Units), ct);
        }

        foreach (var request in puts.Chunk(MaxPerRequest))
        {
            try
            {
                await db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [.. request] }, ct);
            }
            catch (TransactionCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    private TransactWriteItem Put(Dictionary<string, AttributeValue> item, string condition, AttributeValue version) => new()
    {
        Put = new Put
        {
            TableName = table,
            Item = item,
            ConditionExpression = condition,
            ExpressionAttributeValues = new() { [":v"] = version },
        },
    };
}
