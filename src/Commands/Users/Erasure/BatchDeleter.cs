using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.Users.Erasure;

/// <summary>Deletes items by key with BatchWriteItem (25 a call, several calls in flight), resending what DynamoDB left unprocessed.</summary>
public sealed class BatchDeleter(IAmazonDynamoDB db, IOptions<DynamoOptions> dynamo, IOptions<ErasureOptions> options)
{
    private const int PerCall = 25;
    private const int MaxResends = 8;

    public async Task<int> DeleteAsync(IReadOnlyList<Dictionary<string, AttributeValue>> keys, CancellationToken ct)
    {
        var table = dynamo.Value.TableName;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(keys.Chunk(PerCall), parallel, async (chunk, token) =>
        {
            var requests = chunk.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = k } }).ToList();
            for (var resend = 0; requests.Count > 0; resend++)
            {
                if (resend > MaxResends)
                {
                    throw new ProvisionedThroughputExceededException($"{requests.Count} deletes still unprocessed after {MaxResends} resends.");
                }

                if (resend > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20 << Math.Min(resend, 6)), token);
                }

                var response = await db.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = requests } }, token);
                requests = response.UnprocessedItems is { } left && left.TryGetValue(table, out var again) ? again : [];
            }
        });
        return keys.Count;
    }
}
