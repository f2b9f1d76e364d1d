using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Stack.Tests.Faults;

/// <summary>What the table says after a fault: each acknowledged log's event, the read models, the notifications.</summary>
public static class FaultChecks
{
    /// <summary>Acknowledged logs whose event is missing, and activity ids stored more than once.</summary>
    public static async Task<(int Lost, int Duplicated)> EventsAsync(IAmazonDynamoDB db, string table, IReadOnlyCollection<AckedLog> acked)
    {
        // An activity id is its event's timestamp, unique within its goal: two goals of a user may log at the same tick.
        var stored = new List<(string GoalId, string ActivityId)>();
        foreach (var user in acked.Select(a => a.UserId).Distinct())
        {
            stored.AddRange((await PartitionAsync(db, table, user, "ACTIVITY#"))
                .Where(i => i["eventType"].S.StartsWith("activity-logged", StringComparison.Ordinal))
                .Select(i => (i["goalId"].S, i["data"].M["activityId"].S)));
        }

        var counts = stored.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        return (acked.Count(a => !counts.ContainsKey((a.GoalId, a.ActivityId))), counts.Values.Count(n => n > 1));
    }

    /// <summary>Waits until every goal's <c>PROGRESS#</c> item is at its head's version; the time it took.</summary>
    public static async Task<TimeSpan> ConvergedAsync(IAmazonDynamoDB db, string table, IEnumerable<(string UserId, string GoalId)> goals, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        var pending = goals.ToList();
        while (pending.Count > 0)
        {
            var behind = new List<(string, string)>();
            foreach (var (user, goal) in pending)
            {
                var head = await VersionAsync(db, table, user, $"GOAL#{goal}");
                var progress = await VersionAsync(db, table, user, $"PROGRESS#{goal}");
                if (head is null || progress != head)
                {
                    behind.Add((user, goal));
                }
            }

            pending = behind;
            if (pending.Count > 0)
            {
                if (clock.Elapsed > bound)
                {
                    throw new TimeoutException($"{pending.Count} read models still behind their goal after {bound.TotalSeconds} s");
                }

                await Task.Delay(250);
            }
        }

        return clock.Elapsed;
    }

    /// <summary>The users' notification items: how many, and how many are not sent yet.</summary>
    public static async Task<(int Facts, int Unsent)> NotificationsAsync(IAmazonDynamoDB db, string table, IEnumerable<string> users)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        foreach (var user in users)
        {
            items.AddRange(await PartitionAsync(db, table, user, "NOTIFICATION#"));
        }

        return (items.Count, items.Count(i => i["status"].S != "sent" || !i.ContainsKey("messageId")));
    }

    private static async Task<long?> VersionAsync(IAmazonDynamoDB db, string table, string user, string sk)
    {
        var item = await db.GetItemAsync(new GetItemRequest
        {
            TableName = table, ConsistentRead = true, Key = new() { ["PK"] = new($"USER#{user}"), ["SK"] = new(sk) },
        });
        return item.Item is { Count: > 0 } i && i.TryGetValue("version", out var v) ? long.Parse(v.N, CultureInfo.InvariantCulture) : null;
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> PartitionAsync(IAmazonDynamoDB db, string table, string user, string prefix)
    {
        var request = new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :sk)",
            ExpressionAttributeValues = new() { [":pk"] = new($"USER#{user}"), [":sk"] = new(prefix) },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await db.QueryAsync(request);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return items;
    }
}
