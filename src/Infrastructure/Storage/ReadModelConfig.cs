using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Infrastructure.Storage;

/// <summary>
/// Which read-model version queries read (live), which ones the projector keeps current, and which
/// ones a complete <c>replay --all --into</c> has built (only those can be switched to).
/// </summary>
public sealed record ReadModelSettings(string Live, IReadOnlyList<string> Maintained, IReadOnlyList<string> Built)
{
    public static readonly ReadModelSettings Default =
        new(ReadModelKeys.DefaultVersion, [ReadModelKeys.DefaultVersion], [ReadModelKeys.DefaultVersion]);
}

/// <summary>
/// The blue/green switch: one item (PK <c>SYSTEM#READMODEL</c>, SK <c>CONFIG</c>) that the API and
/// the projector re-read every few seconds, so a switch needs no restart and no downtime.
/// </summary>
public static class ReadModelConfig
{
    public const string Partition = "SYSTEM#READMODEL";
    public const string Sort = "CONFIG";

    public static async Task<ReadModelSettings> GetAsync(IAmazonDynamoDB db, string table, CancellationToken ct)
    {
        var response = await db.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            ConsistentRead = true,
            Key = new() { [Keys.PK] = new(Partition), [Keys.SK] = new(Sort) },
        }, ct);
        var item = response.Item;
        return response.IsItemSet && item is { Count: > 0 }
            ? new ReadModelSettings(item["live"].S, Strings(item, "maintained"), item.ContainsKey("built") ? Strings(item, "built") : [item["live"].S])
            : ReadModelSettings.Default;
    }

    public static Task SetAsync(IAmazonDynamoDB db, string table, ReadModelSettings settings, CancellationToken ct) =>
        db.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new()
            {
                [Keys.PK] = new(Partition),
                [Keys.SK] = new(Sort),
                ["entity"] = new("read-model-config"),
                ["live"] = new(settings.Live),
                ["maintained"] = new() { L = settings.Maintained.Select(v => new AttributeValue(v)).ToList() },
                ["built"] = new() { L = settings.Built.Select(v => new AttributeValue(v)).ToList() },
            },
        }, ct);

    private static List<string> Strings(Dictionary<string, AttributeValue> item, string name) => item[name].L.Select(v => v.S).ToList();
}
