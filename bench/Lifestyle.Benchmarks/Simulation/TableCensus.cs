using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>Items of one kind: how many, and their sizes by <see cref="ItemSize"/>.</summary>
public sealed record KindSizes(string Kind, int Count, long Bytes, int Max)
{
    public double Mean => Count == 0 ? 0 : Bytes / (double)Count;
}

/// <summary>
/// The table after (or during) the run: every item of the simulation's users (PK <c>USER#sim-{runId}-…</c>) by kind and
/// size, plus the sum of the goal heads' versions (one per accepted command), by a paged Scan.
/// </summary>
public sealed class TableCensus
{
    private TableCensus(Dictionary<string, List<Dictionary<string, AttributeValue>>> byKind) => ByKind = byKind;

    public IReadOnlyDictionary<string, List<Dictionary<string, AttributeValue>>> ByKind { get; }

    public int Count(string kind) => ByKind.TryGetValue(kind, out var items) ? items.Count : 0;

    public long HeadVersions => Items(ItemKinds.Goal).Sum(i => long.Parse(i["version"].N, System.Globalization.CultureInfo.InvariantCulture));

    public IEnumerable<Dictionary<string, AttributeValue>> Items(string kind) => ByKind.TryGetValue(kind, out var items) ? items : [];

    public KindSizes Sizes(string kind) => Sizes(kind, Items(kind));

    public static KindSizes Sizes(string kind, IEnumerable<Dictionary<string, AttributeValue>> items)
    {
        var sizes = items.Select(ItemSize.Of).ToList();
        return new KindSizes(kind, sizes.Count, sizes.Sum(s => (long)s), sizes.Count == 0 ? 0 : sizes.Max());
    }

    public IEnumerable<KindSizes> All => ByKind.Keys.Order(StringComparer.Ordinal).Select(Sizes);

    public static async Task<TableCensus> TakeAsync(IAmazonDynamoDB db, string table, string userPrefix)
    {
        var byKind = new Dictionary<string, List<Dictionary<string, AttributeValue>>>(StringComparer.Ordinal);
        var request = new ScanRequest
        {
            TableName = table,
            ConsistentRead = true,
            FilterExpression = "begins_with(PK, :p)",
            ExpressionAttributeValues = new() { [":p"] = new(Keys.User(userPrefix)) },
        };
        do
        {
            var page = await db.ScanAsync(request);
            foreach (var item in page.Items ?? [])
            {
                var kind = ItemKinds.Of(item);
                if (!byKind.TryGetValue(kind, out var list))
                {
                    byKind[kind] = list = [];
                }

                list.Add(item);
            }

            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return new TableCensus(byKind);
    }
}
