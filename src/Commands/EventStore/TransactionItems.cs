using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Infrastructure.Dynamo;

namespace Lifestyle.Commands.EventStore;

/// <summary>Builds an append's transaction and explains its cancellation by which item failed.</summary>
public sealed class TransactionItems
{
    private int profileIndex = -1;
    private int idempotencyIndex = -1;

    public List<TransactWriteItem> Items { get; } = [];

    public static TransactionItems Build(string table, AppendRequest a)
    {
        var t = new TransactionItems();
        var head = new Put { TableName = table, Item = GoalHeadItems.ToItem(a.After) };
        if (a.Before is null)
        {
            head.ConditionExpression = Conditions.Absent;
        }
        else
        {
            // A head marked for erasure refuses every append (the marker is set by the erasure only).
            head.ConditionExpression = Conditions.And("version = :expected", Conditions.NotErasing);
            head.ExpressionAttributeValues = new()
            {
                [":expected"] = new() { N = a.Before.Version.ToString(CultureInfo.InvariantCulture) },
            };
        }

        t.Items.Add(new TransactWriteItem { Put = head });
        foreach (var e in a.Events)
        {
            t.Items.Add(new TransactWriteItem
            {
                Put = new Put { TableName = table, Item = EventItems.ToItem(e), ConditionExpression = Conditions.Absent },
            });
        }

        if (a.OpenGoalsDelta != 0)
        {
            t.profileIndex = t.Items.Count;
            t.Items.Add(ProfileItems.Adjust(table, a.After.UserId, a.OpenGoalsDelta, a.Now));
        }

        if (a.Idempotency is { } idem)
        {
            t.idempotencyIndex = t.Items.Count;
            t.Items.Add(IdempotencyRecords.Put(table, a.After.UserId, idem, a.Response, a.Now));
        }

        return t;
    }

    public AppendOutcome Classify(List<CancellationReason>? reasons)
    {
        if (reasons is null || reasons.Count == 0)
        {
            return AppendOutcome.TransactionConflict;
        }

        bool Failed(int i) => i >= 0 && i < reasons.Count && reasons[i].Code == "ConditionalCheckFailed";
        if (Failed(idempotencyIndex))
        {
            return AppendOutcome.IdempotencyConflict;
        }

        if (Failed(0) || Enumerable.Range(1, Math.Max(0, Items.Count - 1)).Any(i => i != profileIndex && i != idempotencyIndex && Failed(i)))
        {
            return AppendOutcome.VersionConflict;
        }

        return Failed(profileIndex) ? AppendOutcome.QuotaConflict : AppendOutcome.TransactionConflict;
    }
}
