using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Commands.Common;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.EventStore;

/// <summary>The storage port over the table: consistent reads and one <c>TransactWriteItems</c> per append (docs/adr/0002).</summary>
public sealed class DynamoGoalStore(IAmazonDynamoDB db, IOptions<DynamoOptions> options, IdempotencyRecords records) : IGoalStore
{
    private readonly string table = options.Value.TableName;

    public async Task<LoadedHead?> LoadHeadAsync(string userId, string goalId, Freshness freshness, CancellationToken ct)
    {
        var item = GoalIds.IsWellFormed(goalId) ? await GetAsync(Keys.User(userId), Keys.Goal(goalId), ct) : null;
        if (item is null)
        {
            // The erasure may have deleted this head already: while it runs the answer is still user-erased.
            await ThrowIfErasingAsync(userId, ct);
            return null;
        }

        return new LoadedHead(GoalHeadItems.FromItem(RefuseErasing(item)), Confirmed: true);
    }

    public async Task<int> OpenGoalsAsync(string userId, Freshness freshness, CancellationToken ct)
    {
        var item = await GetAsync(Keys.User(userId), Keys.Profile, ct);
        return item is not null && RefuseErasing(item).TryGetValue(ProfileItems.OpenGoals, out var n)
            ? int.Parse(n.N, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

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

        var removals = new QueryRequest
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
                [":removed"] = new(EventCatalog.NameOf<ActivityRemoved>()),
                [":id"] = new(activityId),
            },
        };
        await foreach (var _ in db.QueryItemsAsync(removals, ct))
        {
            return null;
        }

        return new FoundActivity(logged.Value, logged.OccurredAt, logged.LocalDate);
    }

    public Task<StoredResponse?> FindResponseAsync(string userId, string idempotencyKey, CancellationToken ct) =>
        records.FindAsync(userId, idempotencyKey, ct);

    public Task<bool> RecordResponseAsync(string userId, IdempotencyRequest idempotency, CommandResult result, DateTimeOffset now, CancellationToken ct) =>
        records.TryRecordAsync(userId, idempotency, result, now, ct);

    public async Task<AppendOutcome> AppendAsync(AppendRequest append, CancellationToken ct)
    {
        var items = TransactionItems.Build(table, append);
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

    private async Task ThrowIfErasingAsync(string userId, CancellationToken ct)
    {
        if (await GetAsync(Keys.User(userId), Keys.Profile, ct) is { } profile)
        {
            RefuseErasing(profile);
        }
    }

    private static Dictionary<string, AttributeValue> RefuseErasing(Dictionary<string, AttributeValue> item) =>
        item.TryGetValue(ErasureItems.Marker, out var erasure) ? throw new UserErasedException(erasure.S) : item;

    private Task<Dictionary<string, AttributeValue>?> GetAsync(string pk, string sk, CancellationToken ct) =>
        db.GetItemOrNullAsync(table, pk, sk, ct);
}
