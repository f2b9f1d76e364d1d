using System.Text.Json;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// One stream record in the shape both transports share: <c>{eventID, eventName, eventSource,
/// dynamodb: {Keys, NewImage, OldImage, SequenceNumber, …}, eventSourceARN?}</c>.
/// </summary>
public static class StreamRecordJson
{
    /// <param name="record">The record object.</param>
    /// <param name="streamArn">Used when the record carries no eventSourceARN (GetRecords never does).</param>
    public static ChangeRecord Parse(JsonElement record, string? streamArn = null)
    {
        var body = Required(record, "dynamodb", JsonValueKind.Object);
        var newImage = body.TryGetProperty("NewImage", out var image) && image.ValueKind != JsonValueKind.Null
            ? DynamoJson.ReadMap(image)
            : null;
        var sourceArn = record.TryGetProperty("eventSourceARN", out var arn) && arn.ValueKind == JsonValueKind.String
            ? arn.GetString()
            : streamArn;
        return new ChangeRecord(
            EventId: Required(record, "eventID", JsonValueKind.String).GetString()!,
            EventName: Required(record, "eventName", JsonValueKind.String).GetString()!,
            SequenceNumber: Required(body, "SequenceNumber", JsonValueKind.String).GetString()!,
            EventSourceArn: sourceArn,
            Keys: DynamoJson.ReadMap(Required(body, "Keys", JsonValueKind.Object)),
            NewImage: newImage);
    }

    /// <summary>The record's sequence number if it can be read at all, so a malformed record can still be named.</summary>
    public static string? TryGetSequenceNumber(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object
        && record.TryGetProperty("dynamodb", out var body)
        && body.ValueKind == JsonValueKind.Object
        && body.TryGetProperty("SequenceNumber", out var sequence)
        && sequence.ValueKind == JsonValueKind.String
            ? sequence.GetString()
            : null;

    private static JsonElement Required(JsonElement parent, string name, JsonValueKind kind)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected an object around '{name}', found {parent.ValueKind}.");
        }

        return parent.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new FormatException($"Stream record field '{name}' is missing or not a {kind}.");
    }
}
