using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Commands.Common;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.EventStore;

/// <summary>Reads what decisions need and appends events in one <c>TransactWriteItems</c> (docs/adr/0002).</summary>
public sealed class GoalEventStore(IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
    private readonly string table = options.Value.TableName;

    public async Task<GoalState?> LoadAsync(string userId, string goalId, CancellationToken ct)
    {
        var item = await GetAsync(Keys.User(userId), Keys.Goal(goalId), ct);
        return item is null ? null : GoalHeadItems.FromItem(RefuseErasing(item));
    }

    public async Task<int> OpenGoalsAsync(string userId, CancellationToken ct)
    {
        var item = await GetAsync(Keys.User(userId), Keys.Profile, ct);
        return item is not null && RefuseErasing(item).TryGetValue(ProfileItems.OpenGoals, out var n)
            ? int.Parse(n.N, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    /// <summary>Throws <see cref="UserErasedException"/> when the user's erasure is under way (PROFILE is marked).</summary>
    public async Task ThrowIfErasingAsync(string userId, CancellationToken ct)
    {
        if (await GetAsync(Keys.User(userId), Keys.Profile, ct) is { } profile)
        {
            RefuseErasing(profile);
        }
    }

    private static Dictionary<string, AttributeValue> RefuseErasing(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(ErasureItems.Marker, out var erasure) ? throw new UserErasedException(erasure.S) : item;

    /// <summary>The logged activity with this id, unless it does not exist or was removed since.</summary>
    public async Task<FoundActivity?> FindActivityAsync(string userId, string goalId, string activityId, CancellationToken ct)
    {
        if (!ActivityId.TryParse(activityId, out var recordedAt))
        {
            return null;
        }

        var sk = Keys.Event(goalId, recordedAt);
        var item = await GetAsync(Keys.User(userId), sk, ct);
        if (item is null || EventItems.FromItem(item).Event is not ActivityLogged logged || logged.ActivityId != activityId)
        {
            return null;
        }

        var request = new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND SK BETWEEN :from AND :to",
            FilterExpression = "eventType = :removed AND #data.activityId = :id",
            ProjectionExpression = "SK",
            ExpressionAttributeNames = new() { ["#data"] = EventItems.Data },
            ExpressionAttributeValues = new()
            {
                [":pk"] = new(Keys.User(userId)),
                [":from"] = new(sk),
                [":to"] = new(Keys.EventPrefix(goalId) + "~"),
                [":removed"] = new(EventTypes.NameOf(new ActivityRemoved(activityId, 0, default, default))),
                [":id"] = new(activityId),
            },
        };
        do
        {
            var page = await db.QueryAsync(request, ct);
            if (page.Items is { Count: > 0 })
            {
                return null;
            }

            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return new FoundActivity(logged.Value, logged.OccurredAt, logged.LocalDate);
    }

    public async Task<AppendOutcome> AppendAsync(AppendRequest a, CancellationToken ct)
    {
        var items = TransactionItems.Build(table, a);
        try
        {
            await db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items.Items }, ct);
            return AppendOutcome.Appended;
        }
        catch (TransactionCanceledException e)
        {
            return items.Classify(e.CancellationReasons);
        }
    }

    private Task<Dictionary<string, AttributeValue>?> GetAsync(string pk, string sk, CancellationToken ct) =>
        db.GetItemOrNullAsync(table, pk, sk, ct);
}
