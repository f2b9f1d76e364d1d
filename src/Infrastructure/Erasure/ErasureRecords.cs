using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Infrastructure.Erasure;

/// <summary>Reads an erasure's audit item (and its pending record while it runs) for the user who asked for it.</summary>
public sealed class ErasureRecords(IAmazonDynamoDB db, IOptions<DynamoOptions> options, UserIdHasher hasher)
{
    private readonly string table = options.Value.TableName;

    /// <summary>The erasure's status, or null when there is none with this id for this user.</summary>
    public async Task<ErasureStatus?> FindAsync(string userId, string erasureId, CancellationToken ct)
    {
        if (!ErasureItems.IsWellFormed(erasureId))
        {
            return null;
        }

        var key = ErasureItems.AuditKey(erasureId);
        var audit = await db.GetItemOrNullAsync(table, key[Keys.PK].S, key[Keys.SK].S, ct);
        if (audit is null || !hasher.Matches(userId, audit["userHash"].S))
        {
            return null;
        }

        var pendingKey = ErasureItems.PendingKey(erasureId);
        var pending = audit["status"].S == ErasureItems.Pending
            ? await db.GetItemOrNullAsync(table, pendingKey[Keys.PK].S, pendingKey[Keys.SK].S, ct)
            : null;
        return ErasureItems.StatusOf(audit, pending);
    }
}
