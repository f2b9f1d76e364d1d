using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Replay;

/// <summary>An <c>--all</c> run: its id, workers, target version and how it walks the goals (runs before the walk was recorded scanned).</summary>
public sealed record ReplayRun(string RunId, int Segments, string Into, GoalWalk Walk = GoalWalk.Scan);

public sealed record SegmentCheckpoint(Dictionary<string, AttributeValue>? LastKey, bool Done);

/// <summary>Where an <c>--all</c> replay got to: PK <c>SYSTEM#REPLAY</c>, one item per segment plus the latest run.</summary>
public sealed class ReplayCheckpoints(IAmazonDynamoDB db, IOptions<DynamoOptions> options)
{
    public const string Partition = SystemKeys.Replay;
    private readonly string table = options.Value.TableName;

    public async Task<ReplayRun?> LatestAsync(CancellationToken ct)
    {
        var item = await GetAsync("LATEST", ct);
        return item is null ? null : new ReplayRun(item["runId"].S, int.Parse(item["segments"].N, CultureInfo.InvariantCulture), item["into"].S,
            item.TryGetValue("walk", out var walk) ? Enum.Parse<GoalWalk>(walk.S, ignoreCase: true) : GoalWalk.Scan);
    }

    public Task StartAsync(ReplayRun run, CancellationToken ct) => db.PutItemAsync(new PutItemRequest
    {
        TableName = table,
        Item = new()
        {
            [Keys.PK] = new(Partition),
            [Keys.SK] = new("LATEST"),
            ["runId"] = new(run.RunId),
            ["segments"] = new() { N = run.Segments.ToString(CultureInfo.InvariantCulture) },
            ["into"] = new(run.Into),
            ["walk"] = new(run.Walk.ToString().ToLowerInvariant()),
        },
    }, ct);

    public async Task<SegmentCheckpoint> GetAsync(ReplayRun run, int segment, CancellationToken ct)
    {
        var item = await GetAsync(SegmentKey(run, segment), ct);
        return item is null
            ? new SegmentCheckpoint(null, false)
            : new SegmentCheckpoint(item.TryGetValue("lastKey", out var k) && k.M is { Count: > 0 } ? k.M : null, item["done"].BOOL == true);
    }

    public Task SaveAsync(ReplayRun run, int segment, SegmentCheckpoint checkpoint, CancellationToken ct)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [Keys.PK] = new(Partition),
            [Keys.SK] = new(SegmentKey(run, segment)),
            ["done"] = new() { BOOL = checkpoint.Done },
        };
        if (checkpoint.LastKey is { Count: > 0 } lastKey)
        {
            item["lastKey"] = new() { M = lastKey };
        }

        return db.PutItemAsync(new PutItemRequest { TableName = table, Item = item }, ct);
    }

    private static string SegmentKey(ReplayRun run, int segment) => $"RUN#{run.RunId}#SEGMENT#{segment:D4}";

    private async Task<Dictionary<string, AttributeValue>?> GetAsync(string sk, CancellationToken ct)
    {
        var response = await db.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            ConsistentRead = true,
            Key = new() { [Keys.PK] = new(Partition), [Keys.SK] = new(sk) },
        }, ct);
        return response.IsItemSet && response.Item is { Count: > 0 } ? response.Item : null;
    }
}
