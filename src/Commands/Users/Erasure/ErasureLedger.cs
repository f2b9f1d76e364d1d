using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.Users.Erasure;

/// <summary>
/// The erasure's bookkeeping: it starts in one transaction (PROFILE marked, the audit item and the pending record
/// written), counts its progress on the pending record, and ends in one transaction (PROFILE deleted, the audit
/// item done, the pending record — the last item naming the user — deleted).
/// </summary>
public sealed class ErasureLedger(IAmazonDynamoDB db, IOptions<DynamoOptions> options, UserIdHasher hasher, TimeProvider time)
{
    private readonly string table = options.Value.TableName;

    /// <summary>A new erasure, or the one already under way (<c>Started</c> false).</summary>
    public async Task<(ErasureJob Job, bool Started)> StartAsync(string userId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var job = new ErasureJob(ErasureItems.NewId(), userId, time.GetUtcNow(), 0, []);
            try
            {
                await db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = ErasureStart.Items(table, job, hasher.Hash(userId)) }, ct);
                return (job, true);
            }
            catch (TransactionCanceledException) when (attempt < 2)
            {
                if (await RunningAsync(userId, ct) is { } running)
                {
                    return (running, false);
                }
            }
        }
    }

    /// <summary>The erasure under way for this user (PROFILE names it), or null.</summary>
    public async Task<ErasureJob?> RunningAsync(string userId, CancellationToken ct)
    {
        var profile = await db.GetItemOrNullAsync(table, Keys.User(userId), Keys.Profile, ct);
        if (profile is null || !profile.TryGetValue(ErasureItems.Marker, out var id))
        {
            return null;
        }

        return await ReloadAsync(new ErasureJob(id.S, userId, default, 0, []), ct);
    }

    /// <summary>The job as its pending record holds it now (count and goal ids), or null once it is done.</summary>
    public async Task<ErasureJob?> ReloadAsync(ErasureJob job, CancellationToken ct)
    {
        var key = ErasureItems.PendingKey(job.ErasureId);
        return await db.GetItemOrNullAsync(table, key[Keys.PK].S, key[Keys.SK].S, ct) is { } pending ? Read(pending) : null;
    }

    /// <summary>Every erasure not finished yet (a restarted process resumes them).</summary>
    public async Task<List<ErasureJob>> PendingAsync(CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :p)",
            ExpressionAttributeValues = new() { [":pk"] = new(ErasureItems.PendingPartition), [":p"] = new(ErasureItems.PendingPrefix) },
        };
        var jobs = new List<ErasureJob>();
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            jobs.AddRange((page.Items ?? []).Select(Read));
        }

        return jobs;
    }

    /// <summary>Adds removed items to the count and remembers goal ids (their Redis keys are deleted after their heads).</summary>
    public Task ProgressAsync(ErasureJob job, long removed, IReadOnlyCollection<string> goalIds, CancellationToken ct)
    {
        var update = new UpdateItemRequest
        {
            TableName = table,
            Key = ErasureItems.PendingKey(job.ErasureId),
            UpdateExpression = "ADD #items :n",
            ConditionExpression = Conditions.Present,
            ExpressionAttributeNames = new() { ["#items"] = "items" },
            ExpressionAttributeValues = new() { [":n"] = Number(removed) },
        };
        if (goalIds.Count > 0)
        {
            update.UpdateExpression += ", goalIds :g";
            update.ExpressionAttributeValues[":g"] = new() { SS = [.. goalIds] };
        }

        return db.UpdateItemAsync(update, ct);
    }

    /// <summary>Ends the erasure; false when another run finished it first.</summary>
    public async Task<bool> FinishAsync(ErasureJob job, long items, CancellationToken ct)
    {
        try
        {
            await db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = ErasureStart.Finish(table, job, items, time.GetUtcNow()) }, ct);
            return true;
        }
        catch (TransactionCanceledException)
        {
            return false;
        }
    }

    private static ErasureJob Read(Dictionary<string, AttributeValue> item) => new(
        item["erasureId"].S,
        item["userId"].S,
        Keys.ParseTimestamp(item["requestedAt"].S),
        ErasureItems.Count(item),
        item.TryGetValue("goalIds", out var g) && g.SS is { } ids ? ids : []);

    internal static AttributeValue Number(long n) => new() { N = n.ToString(CultureInfo.InvariantCulture) };
}
