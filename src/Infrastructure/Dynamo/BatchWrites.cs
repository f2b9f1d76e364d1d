using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Infrastructure.Dynamo;

/// <summary>One BatchWriteItem call's worth of puts or deletes, resending what DynamoDB left unprocessed (with backoff).</summary>
public static class BatchWrites
{
    /// <summary>The most writes one BatchWriteItem call takes.</summary>
    public const int PerCall = 25;

    private const int MaxResends = 8;

    /// <summary>
    /// Sends <paramref name="requests"/> (at most <see cref="PerCall"/>) until none is left unprocessed;
    /// <paramref name="beforeEach"/> runs before each call with the number of writes it carries (e.g. pacing).
    /// </summary>
    public static async Task SendAsync(
        this IAmazonDynamoDB db, string table, List<WriteRequest> requests, Func<int, CancellationToken, Task>? beforeEach, CancellationToken ct)
    {
        for (var resend = 0; requests.Count > 0; resend++)
        {
            if (resend > MaxResends)
            {
                throw new ProvisionedThroughputExceededException($"{requests.Count} writes still unprocessed after {MaxResends} resends.");
            }

            if (resend > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 << Math.Min(resend, 6)), ct);
            }

            if (beforeEach is not null)
            {
                await beforeEach(requests.Count, ct);
            }

            var response = await db.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = requests } }, ct);
            requests = response.UnprocessedItems is { } left && left.TryGetValue(table, out var again) ? again : [];
        }
    }
}
