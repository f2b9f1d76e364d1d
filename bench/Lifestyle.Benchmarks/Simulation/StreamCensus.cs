using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Projections.Stream;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>The table's stream records so far, by item kind (<see cref="ItemKinds"/>), read from the trim horizon of every shard.</summary>
public sealed class StreamCensus(IReadOnlyDictionary<string, long> byKind, long passing)
{
    public IReadOnlyDictionary<string, long> ByKind { get; } = byKind;

    public long Total => ByKind.Values.Sum();

    /// <summary>Records the projector's stream filter passes (goal heads and events).</summary>
    public long Passing { get; } = passing;

    public long this[string kind] => ByKind.TryGetValue(kind, out var n) ? n : 0;

    public static async Task<StreamCensus> TakeAsync(DynamoOptions options, Amazon.DynamoDBv2.IAmazonDynamoDB db, string userPrefix)
    {
        using var client = DynamoStreamsClient.Create(options);
        var arn = await DynamoStreamsClient.FindLatestStreamArnAsync(db, options.TableName, CancellationToken.None)
            ?? throw new InvalidOperationException($"table {options.TableName} has no stream");
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        long passing = 0;
        foreach (var shard in (await client.DescribeStreamAsync(arn, CancellationToken.None)).Shards)
        {
            string? iterator = await client.GetShardIteratorAsync(arn, shard.ShardId, ShardIteratorType.TrimHorizon, null, CancellationToken.None);
            while (iterator is not null)
            {
                var page = await client.GetRecordsAsync(iterator, 1000, arn, CancellationToken.None);
                foreach (var sk in page.Records.Where(r => r.PartitionKey?.StartsWith("USER#" + userPrefix, StringComparison.Ordinal) == true).Select(r => r.SortKey ?? ""))
                {
                    var kind = ItemKinds.Of(sk);
                    byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
                    passing += ItemKinds.PassesFilter(sk) ? 1 : 0;
                }

                iterator = page.Records.Count == 0 ? null : page.NextShardIterator;
            }
        }

        return new StreamCensus(byKind, passing);
    }

    /// <summary>The records added since <paramref name="earlier"/>.</summary>
    public StreamCensus Since(StreamCensus earlier) =>
        new(ByKind.ToDictionary(p => p.Key, p => p.Value - earlier[p.Key], StringComparer.Ordinal), Passing - earlier.Passing);
}
