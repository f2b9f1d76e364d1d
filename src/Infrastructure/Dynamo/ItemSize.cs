using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Infrastructure.Dynamo;

/// <summary>An item's size as DynamoDB bills writes: one unit per started KiB of names and values (an estimate).</summary>
public static class ItemSize
{
    public static int Units(Dictionary<string, AttributeValue> item)
    {
        var bytes = item.Sum(kv => kv.Key.Length + Size(kv.Value));
        return Math.Max(1, (bytes + 1023) / 1024);
    }

    private static int Size(AttributeValue v) =>
        v.S?.Length ?? v.N?.Length ?? (v.M?.Sum(kv => kv.Key.Length + Size(kv.Value)) ?? v.L?.Sum(Size) ?? 1);
}
