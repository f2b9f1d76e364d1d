using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Replay;

/// <summary>
/// A rebuild's writes into a read-model version no query reads yet (neither live nor built): unconditional
/// BatchWriteItem puts, a quarter of the store's work of version-gated transactions. The gates are replaced by one
/// check after the writes: the projector writes a goal's items at a version only once its head has reached it, so a
/// consistent read of the head that still shows the folded version proves nothing newer was overwritten. When the
/// head moved on, the caller rebuilds the goal again through the gates (docs/adr/0012-bulk-replay-writes.md).
/// </summary>
public sealed class BulkReadModelWrites(IAmazonDynamoDB db, IOptions<DynamoOptions> options, ErasureGuard guard)
{
    private readonly string table = options.Value.TableName;

    /// <summary>Writes <paramref name="items"/> (the progress item last); false when the goal's head is past <paramref name="version"/>.</summary>
    public async Task<bool> TryPutAsync(
        string userId, string goalId, IReadOnlyList<Dictionary<string, AttributeValue>> items, long version, CancellationToken ct)
    {
        if (items.Select(i => i[Keys.SK].S).Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            return false;
        }

        // The progress item records the applied version: its batch (the last) goes after the others have landed.
        var batches = items.Chunk(BatchWrites.PerCall).Select(chunk => chunk.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }).ToList()).ToList();
        await Task.WhenAll(batches.SkipLast(1).Select(batch => db.SendAsync(table, batch, null, ct)));
        await db.SendAsync(table, batches[^1], null, ct);

        var head = await db.GetItemOrNullAsync(table, Keys.User(userId), Keys.Goal(goalId), ct);
        if (head is null || head.ContainsKey(ErasureItems.Marker))
        {
            // The user is being (or was) erased meanwhile: nothing of theirs may stay.
            await guard.UndoAsync(items, ct);
            return true;
        }

        return head.TryGetValue("version", out var v) && long.Parse(v.N, CultureInfo.InvariantCulture) == version;
    }
}
