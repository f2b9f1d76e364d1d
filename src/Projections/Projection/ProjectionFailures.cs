using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// Failing goals, one item each (PK <c>SYSTEM#PROJECTOR</c>, SK <c>FAILURE#{userId}#{goalId}</c>):
/// attempts, last error, and once <see cref="MaxAttempts"/> is reached, <c>parked</c> — kept and
/// visible, and skipped so the rest of the stream keeps flowing.
/// </summary>
public sealed class ProjectionFailures(IAmazonDynamoDB db, IOptions<DynamoOptions> options, TimeProvider time)
{
    public const string Partition = SystemKeys.Projector;
    public const int MaxAttempts = 3;

    public static string Sort(string userId, string goalId) => SystemKeys.Failure(userId, goalId);

    /// <summary>Counts a failure; true when the goal is (now) parked.</summary>
    public async Task<bool> RecordAsync(string userId, string goalId, Exception error, CancellationToken ct)
    {
        var message = $"{error.GetType().Name}: {error.Message}";
        var response = await db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = options.Value.TableName,
            Key = Key(userId, goalId),
            UpdateExpression = "ADD attempts :one SET userId = :u, goalId = :g, lastError = :e, lastFailedAt = :now, entity = :entity",
            ExpressionAttributeValues = new()
            {
                [":one"] = new() { N = "1" },
                [":u"] = new(userId),
                [":g"] = new(goalId),
                [":e"] = new(message.Length > 1000 ? message[..1000] : message),
                [":now"] = new(Keys.Timestamp(time.GetUtcNow())),
                [":entity"] = new("projection-failure"),
            },
            ReturnValues = ReturnValue.ALL_NEW,
        }, ct);
        var item = response.Attributes;
        if (item.TryGetValue("parked", out var parked) && parked.BOOL == true)
        {
            return true;
        }

        if (int.Parse(item["attempts"].N, CultureInfo.InvariantCulture) < MaxAttempts)
        {
            return false;
        }

        await db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = options.Value.TableName,
            Key = Key(userId, goalId),
            UpdateExpression = "SET parked = :t, parkedAt = :now",
            ExpressionAttributeValues = new() { [":t"] = new() { BOOL = true }, [":now"] = new(Keys.Timestamp(time.GetUtcNow())) },
        }, ct);
        return true;
    }

    /// <summary>A goal that projects again is no longer failing.</summary>
    public Task ClearAsync(string userId, string goalId, CancellationToken ct) =>
        db.DeleteItemAsync(new DeleteItemRequest { TableName = options.Value.TableName, Key = Key(userId, goalId) }, ct);

    public async Task<List<Dictionary<string, AttributeValue>>> ListAsync(CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = options.Value.TableName,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :f)",
            ExpressionAttributeValues = new() { [":pk"] = new(Partition), [":f"] = new(SystemKeys.AnyFailure) },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            items.AddRange(page.Items ?? []);
        }

        return items;
    }

    /// <summary>The goals the projector parked.</summary>
    public async Task<IReadOnlyList<GoalRef>> ParkedAsync(CancellationToken ct) =>
        (await ListAsync(ct)).Where(IsParked).Select(i => new GoalRef(i["userId"].S, i["goalId"].S)).ToList();

    public static bool IsParked(Dictionary<string, AttributeValue> item) => item.TryGetValue("parked", out var p) && p.BOOL == true;

    /// <summary>How many goals are parked now (a Query of the failures' partition, counted by DynamoDB).</summary>
    public async Task<long> CountParkedAsync(CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = options.Value.TableName,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :f)",
            FilterExpression = "parked = :t",
            ExpressionAttributeValues = new() { [":pk"] = new(Partition), [":f"] = new(SystemKeys.AnyFailure), [":t"] = new() { BOOL = true } },
            Select = Select.COUNT,
        };
        long count = 0;
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            count += page.Count ?? 0;
        }
        return count;
    }

    private static Dictionary<string, AttributeValue> Key(string userId, string goalId) =>
        new() { [Keys.PK] = new(Partition), [Keys.SK] = new(Sort(userId, goalId)) };
}
