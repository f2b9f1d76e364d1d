using System.Threading.Channels;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.Users.Erasure;

/// <summary>Deletes items by key with BatchWriteItem (25 a call, several calls in flight), resending what DynamoDB left unprocessed.</summary>
public sealed class BatchDeleter(IAmazonDynamoDB db, IOptions<DynamoOptions> dynamo, IOptions<ErasureOptions> options, TimeProvider time)
{
    public const int PerCall = BatchWrites.PerCall;
    private readonly DeletePacing pacing = new(options.Value.ItemsPerSecond, time);

    private int InFlight => Math.Max(1, options.Value.Parallelism);

    public async Task<int> DeleteAsync(IReadOnlyList<Dictionary<string, AttributeValue>> keys, CancellationToken ct)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = ct };
        await Parallel.ForEachAsync(keys.Chunk(PerCall), parallel, async (chunk, token) => await SendAsync(chunk, token));
        return keys.Count;
    }

    /// <summary>
    /// Deletes the chunks as they arrive, <see cref="ErasureOptions.Parallelism"/> calls in flight for as long as the
    /// writer keeps up (so reading the next page never leaves the deleters idle); tells <paramref name="deleted"/> each chunk done.
    /// </summary>
    public Task DrainAsync(ChannelReader<Dictionary<string, AttributeValue>[]> chunks, Action<int> deleted, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            await foreach (var chunk in chunks.ReadAllAsync(ct))
            {
                await SendAsync(chunk, ct);
                deleted(chunk.Length);
            }
        }));

    private Task SendAsync(Dictionary<string, AttributeValue>[] chunk, CancellationToken ct) =>
        db.SendAsync(dynamo.Value.TableName, [.. chunk.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = k } })], pacing.WaitAsync, ct);
}
