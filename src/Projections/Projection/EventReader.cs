using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Domain.Events;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Projections.Projection;

/// <summary>A goal's events in version order, optionally only those after a recorded timestamp.</summary>
public static class EventReader
{
    public static async Task<List<EventEnvelope>> ReadAfterAsync(
        IAmazonDynamoDB db, string table, string userId, string goalId, DateTimeOffset? after, CancellationToken ct)
    {
        var prefix = Keys.EventPrefix(goalId);
        var request = new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND SK BETWEEN :from AND :to",
            ExpressionAttributeValues = new()
            {
                [":pk"] = new(Keys.User(userId)),
                // Timestamps strictly increase per goal, so the next event is at least one tick later.
                [":from"] = new(after is { } t ? Keys.Event(goalId, t.AddTicks(1)) : prefix),
                [":to"] = new(prefix + "~"),
            },
        };
        var events = new List<EventEnvelope>();
        await foreach (var page in db.QueryPagesAsync(request, ct))
        {
            events.AddRange((page.Items ?? []).Select(EventItems.FromItem));
        }

        return events;
    }
}
