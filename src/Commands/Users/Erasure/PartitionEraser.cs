using System.Collections.Concurrent;
using System.Threading.Channels;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.Users.Erasure;

/// <summary>
/// The user's partition: first every goal head is marked (appends on it then fail their condition, and the mark
/// takes the head out of GSI1, so the daily close and replay no longer find it), then every item but PROFILE is
/// deleted, the keys of each Query page fed to the deleters while the next page is read.
/// </summary>
public sealed class PartitionEraser(IAmazonDynamoDB db, IOptions<DynamoOptions> options, BatchDeleter deleter)
{
    private const int PageSize = 2_000;

    /// <summary>How far the Query may run ahead of the deletes (chunks of 25 keys).</summary>
    private const int ChunksAhead = 80;
    private const int MarkersInFlight = 8;
    private readonly string table = options.Value.TableName;

    /// <summary>Marks every goal head of the user; returns their goal ids.</summary>
    public async Task<List<string>> MarkHeadsAsync(ErasureJob job, CancellationToken ct)
    {
        var goalIds = new ConcurrentBag<string>();
        var request = Query(job.UserId);
        request.KeyConditionExpression += " AND begins_with(SK, :goal)";
        request.ExpressionAttributeValues[":goal"] = new(Keys.GoalPrefix);
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            await Parallel.ForEachAsync(page.Items ?? [], new ParallelOptions { MaxDegreeOfParallelism = MarkersInFlight, CancellationToken = ct },
                async (head, token) =>
                {
                    goalIds.Add(head[Keys.SK].S[Keys.GoalPrefix.Length..]);
                    await MarkAsync(head, job.ErasureId, token);
                });
        }

        return [.. goalIds];
    }

    /// <summary>
    /// Deletes pages until the partition holds only PROFILE, or <paramref name="deadline"/> passes (false: resume later);
    /// <paramref name="onProgress"/> is told, after each page read and at the end, how many items were deleted since.
    /// </summary>
    public async Task<bool> DeleteAsync(string userId, DateTimeOffset deadline, TimeProvider time, Func<int, Task> onProgress, CancellationToken ct)
    {
        var chunks = Channel.CreateBounded<Dictionary<string, AttributeValue>[]>(new BoundedChannelOptions(ChunksAhead) { SingleWriter = true });
        var unreported = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var deleting = deleter.DrainAsync(chunks.Reader, n => Interlocked.Add(ref unreported, n), ct);
        // A failed delete must not leave the reader waiting for room in the channel: stop it, then surface that failure.
        _ = deleting.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var complete = true;
        try
        {
            await foreach (var page in db.QueryPagesAsync(Query(userId), stop.Token))
            {
                foreach (var chunk in (page.Items ?? []).Where(k => k[Keys.SK].S != Keys.Profile).Chunk(BatchDeleter.PerCall))
                {
                    await chunks.Writer.WriteAsync(chunk, stop.Token);
                }

                await Report();
                if (page.LastEvaluatedKey is { Count: > 0 } && time.GetUtcNow() > deadline)
                {
                    complete = false;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (deleting.IsFaulted)
        {
            await deleting;
        }
        finally
        {
            chunks.Writer.TryComplete();
        }

        await deleting;
        await Report();
        return complete;

        async Task Report()
        {
            if (Interlocked.Exchange(ref unreported, 0) is > 0 and var n)
            {
                await onProgress(n);
            }
        }
    }

    /// <summary>Whether anything but PROFILE is left (a late write since the pass): one Query.</summary>
    public async Task<bool> AnyLeftAsync(string userId, CancellationToken ct)
    {
        var request = Query(userId);
        request.Limit = 2;
        var page = await db.QueryAsync(request, ct);
        return (page.Items ?? []).Any(k => k[Keys.SK].S != Keys.Profile);
    }

    private async Task MarkAsync(Dictionary<string, AttributeValue> head, string erasureId, CancellationToken ct)
    {
        try
        {
            await db.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = head,
                UpdateExpression = $"SET #m = :id REMOVE {Keys.Gsi1PK}, {Keys.Gsi1SK}",
                ConditionExpression = Conditions.Present,
                ExpressionAttributeNames = new() { ["#m"] = ErasureItems.Marker },
                ExpressionAttributeValues = new() { [":id"] = new(erasureId) },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // Deleted by an earlier run of this erasure.
        }
    }

    private QueryRequest Query(string userId) => new()
    {
        TableName = table,
        ConsistentRead = true,
        KeyConditionExpression = "PK = :pk",
        ProjectionExpression = "PK, SK",
        ExpressionAttributeValues = new() { [":pk"] = new(Keys.User(userId)) },
        Limit = PageSize,
    };
}
