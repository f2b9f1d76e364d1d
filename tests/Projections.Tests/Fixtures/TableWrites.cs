using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bogus;
using Lifestyle.Projections.Stream;

namespace Lifestyle.Projections.Tests.Fixtures;

/// <summary>Puts items with a per-key counter <c>n</c>, so per-key order is checkable on the stream side.</summary>
public sealed class TableWrites(IAmazonDynamoDB client, string table)
{
    private readonly Faker faker = new();

    /// <summary>Writes <paramref name="perKey"/> versions of each key, interleaved across keys; returns what was written in order.</summary>
    public async Task<List<(string Key, int N)>> PutInterleavedAsync(IReadOnlyList<string> keys, int perKey, int firstN = 1)
    {
        var written = new List<(string, int)>();
        for (var n = firstN; n < firstN + perKey; n++)
        {
            foreach (var key in keys)
            {
                await client.PutItemAsync(new PutItemRequest
                {
                    TableName = table,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["PK"] = new() { S = key },
                        ["SK"] = new() { S = "ITEM" },
                        ["n"] = new() { N = n.ToString(CultureInfo.InvariantCulture) },
                        ["note"] = new() { S = faker.Lorem.Sentence() },
                        ["data"] = new() { M = new() { ["amount"] = new() { N = faker.Random.Decimal(0, 100).ToString(CultureInfo.InvariantCulture) } } },
                    },
                });
                written.Add((key, n));
            }
        }

        return written;
    }

    public static (string Key, int N) Identity(ChangeRecord record) =>
        (record.PartitionKey!, int.Parse(record.NewImage!["n"].N, CultureInfo.InvariantCulture));
}
