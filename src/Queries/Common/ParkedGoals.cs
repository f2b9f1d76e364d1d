using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Queries.Common;

/// <summary>
/// The goals the projector parked (its <c>FAILURE#</c> items marked <c>parked</c>), known to the read
/// side so a parked goal is served with <c>"projection": "parked"</c>. Parked goals are rare, so the
/// whole set is kept in memory and re-read in the background at most every <see cref="RefreshEvery"/>;
/// a failed re-read keeps the last set rather than failing a read.
/// </summary>
public sealed class ParkedGoals(IAmazonDynamoDB db, IOptions<DynamoOptions> options, TimeProvider time, ILogger<ParkedGoals> log)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadBound = TimeSpan.FromSeconds(1);

    private int refreshing;
    private volatile Snapshot current = new(new HashSet<(string, string)>(), DateTimeOffset.MinValue);

    /// <summary>Answers from the set in memory at once; a due re-read runs beside it, so a hung store never slows a read.</summary>
    public bool IsParked(string userId, string goalId)
    {
        var snapshot = current;
        if (time.GetUtcNow() - snapshot.ReadAt >= RefreshEvery && Interlocked.Exchange(ref refreshing, 1) == 0)
        {
            _ = RefreshAsync(snapshot);
        }

        return snapshot.Goals.Contains((userId, goalId));
    }

    private async Task RefreshAsync(Snapshot last)
    {
        try
        {
            current = await ReadAsync();
        }
        catch (Exception e) when (e is AmazonDynamoDBException or Amazon.Runtime.AmazonClientException or TimeoutException or OperationCanceledException)
        {
            log.LogWarning("Parked goals not re-read ({Error}); serving the last known set", e.Message);
            current = last with { ReadAt = time.GetUtcNow() };
        }
        finally
        {
            Volatile.Write(ref refreshing, 0);
        }
    }

    private async Task<Snapshot> ReadAsync()
    {
        using var bound = new CancellationTokenSource(ReadBound);
        var request = new QueryRequest
        {
            TableName = options.Value.TableName,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :f)",
            FilterExpression = "parked = :t",
            ProjectionExpression = "userId, goalId",
            ExpressionAttributeValues = new() { [":pk"] = new(SystemKeys.Projector), [":f"] = new(SystemKeys.AnyFailure), [":t"] = new() { BOOL = true } },
        };
        var goals = new HashSet<(string, string)>();
        await foreach (var item in db.QueryItemsAsync(request, bound.Token))
        {
            goals.Add((item["userId"].S, item["goalId"].S));
        }

        return new Snapshot(goals, time.GetUtcNow());
    }

    private sealed record Snapshot(HashSet<(string, string)> Goals, DateTimeOffset ReadAt);
}
