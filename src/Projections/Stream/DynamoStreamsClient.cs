using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Lifestyle.Infrastructure.Aws;
using Lifestyle.Infrastructure.Dynamo;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// The DynamoDB Streams API (DescribeStream, GetShardIterator, GetRecords) over plain HTTP + JSON 1.0, signed with
/// SigV4: AWSSDK.DynamoDBStreams is not served here. The same API DynamoDB Local answers on its own endpoint.
/// </summary>
public sealed class DynamoStreamsClient(HttpClient http, Uri endpoint, SigV4Signer signer, AWSCredentials credentials, TimeProvider? time = null)
    : IDisposable
{
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.0");
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public Uri Endpoint => endpoint;

    /// <summary>
    /// Locally (a ServiceUrl): that endpoint and the stack's fixed credentials, which pick DynamoDB Local's
    /// database. In AWS: streams.dynamodb.&lt;region&gt;.amazonaws.com and the default credentials chain.
    /// Both sign as service "dynamodb".
    /// </summary>
    public static DynamoStreamsClient Create(DynamoOptions options)
    {
        var local = !string.IsNullOrWhiteSpace(options.ServiceUrl);
        var endpoint = local ? new Uri(options.ServiceUrl!) : new Uri($"https://streams.dynamodb.{options.Region}.amazonaws.com/");
        var credentials = local
            ? new BasicAWSCredentials("lifestylelocal", "lifestylelocal")
            : DefaultAWSCredentialsIdentityResolver.GetCredentials(new AmazonDynamoDBConfig { AuthenticationRegion = options.Region });
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return new DynamoStreamsClient(http, endpoint, new SigV4Signer(options.Region, "dynamodb"), credentials);
    }

    /// <summary>The table's current stream (DescribeTable through the ordinary client), or null when streams are off.</summary>
    public static async Task<string?> FindLatestStreamArnAsync(IAmazonDynamoDB dynamo, string tableName, CancellationToken ct)
    {
        var table = await dynamo.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, ct);
        return table.Table.StreamSpecification?.StreamEnabled == true ? table.Table.LatestStreamArn : null;
    }

    /// <summary>The stream with all its shards (DescribeStream, following LastEvaluatedShardId).</summary>
    public async Task<StreamInfo> DescribeStreamAsync(string streamArn, CancellationToken ct)
    {
        var shards = new List<StreamShard>();
        string? status = null;
        string? startAfter = null;
        do
        {
            var request = new JsonObject { ["StreamArn"] = streamArn, ["Limit"] = 100 };
            if (startAfter is not null)
            {
                request["ExclusiveStartShardId"] = startAfter;
            }

            using var answer = await CallAsync("DescribeStream", request, ct);
            var description = answer.RootElement.GetProperty("StreamDescription");
            status = OptionalString(description, "StreamStatus") ?? status;
            if (description.TryGetProperty("Shards", out var page))
            {
                shards.AddRange(page.EnumerateArray().Select(ReadShard));
            }

            startAfter = OptionalString(description, "LastEvaluatedShardId");
        }
        while (startAfter is not null);

        return new StreamInfo(streamArn, status ?? "UNKNOWN", shards);
    }

    public async Task<string> GetShardIteratorAsync(
        string streamArn, string shardId, ShardIteratorType type, string? sequenceNumber, CancellationToken ct)
    {
        var request = new JsonObject { ["StreamArn"] = streamArn, ["ShardId"] = shardId, ["ShardIteratorType"] = Name(type) };
        if (type is ShardIteratorType.AtSequenceNumber or ShardIteratorType.AfterSequenceNumber)
        {
            request["SequenceNumber"] = sequenceNumber ?? throw new ArgumentNullException(nameof(sequenceNumber));
        }

        using var answer = await CallAsync("GetShardIterator", request, ct);
        return answer.RootElement.GetProperty("ShardIterator").GetString()!;
    }

    /// <param name="shardIterator">From GetShardIterator or the previous page.</param>
    /// <param name="limit">At most this many records (1–1000).</param>
    /// <param name="streamArn">Put on each record as its EventSourceArn (GetRecords does not say).</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<RecordsPage> GetRecordsAsync(string shardIterator, int limit, string? streamArn, CancellationToken ct)
    {
        var request = new JsonObject { ["ShardIterator"] = shardIterator, ["Limit"] = Math.Clamp(limit, 1, 1000) };
        using var answer = await CallAsync("GetRecords", request, ct);
        var root = answer.RootElement;
        var records = root.TryGetProperty("Records", out var list)
            ? list.EnumerateArray().Select(r => StreamRecordJson.Parse(r, streamArn)).ToList()
            : [];
        return new RecordsPage(records, OptionalString(root, "NextShardIterator"));
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonDocument> CallAsync(string operation, JsonObject request, CancellationToken ct)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(request.ToJsonString());
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = AmzJson;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDBStreams_20120810." + operation);
        var identity = await credentials.GetCredentialsAsync();
        signer.Sign(message, body, identity, clock.GetUtcNow().UtcDateTime);

        using var response = await http.SendAsync(message, ct);
        var content = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw Error(response.StatusCode, content);
        }

        return JsonDocument.Parse(content);
    }

    private static DynamoStreamsException Error(System.Net.HttpStatusCode status, byte[] content)
    {
        try
        {
            using var error = JsonDocument.Parse(content);
            var type = OptionalString(error.RootElement, "__type") ?? "UnknownError";
            var message = OptionalString(error.RootElement, "message") ?? OptionalString(error.RootElement, "Message") ?? "";
            return new DynamoStreamsException(type[(type.LastIndexOf('#') + 1)..], message, status);
        }
        catch (JsonException)
        {
            return new DynamoStreamsException("UnknownError", System.Text.Encoding.UTF8.GetString(content), status);
        }
    }

    private static StreamShard ReadShard(JsonElement shard)
    {
        var range = shard.TryGetProperty("SequenceNumberRange", out var r) ? r : default;
        return new StreamShard(
            shard.GetProperty("ShardId").GetString()!,
            OptionalString(shard, "ParentShardId"),
            range.ValueKind == JsonValueKind.Object ? OptionalString(range, "StartingSequenceNumber") : null,
            range.ValueKind == JsonValueKind.Object ? OptionalString(range, "EndingSequenceNumber") : null);
    }

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Name(ShardIteratorType type) => type switch
    {
        ShardIteratorType.TrimHorizon => "TRIM_HORIZON",
        ShardIteratorType.Latest => "LATEST",
        ShardIteratorType.AtSequenceNumber => "AT_SEQUENCE_NUMBER",
        ShardIteratorType.AfterSequenceNumber => "AFTER_SEQUENCE_NUMBER",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
