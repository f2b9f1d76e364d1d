using System.Text.Json;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// The records of a Lambda DynamoDB Streams event that could be read, in order, up to the first that could
/// not; that one's sequence number is kept so it can be reported as the batch's failure, never dropped.
/// </summary>
public sealed record StreamEventBatch(
    IReadOnlyList<ChangeRecord> Records,
    string? UnreadableSequenceNumber = null,
    string? UnreadableReason = null);

/// <summary>Reads the documented Lambda event <c>{"Records":[…]}</c> of a DynamoDB Streams event source mapping.</summary>
public static class StreamEventJson
{
    public static StreamEventBatch Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    public static async Task<StreamEventBatch> ParseAsync(System.IO.Stream json, CancellationToken ct = default)
    {
        using var document = await JsonDocument.ParseAsync(json, cancellationToken: ct);
        return Parse(document.RootElement);
    }

    /// <exception cref="FormatException">
    /// The event has no Records array, or a record is unreadable and has no readable sequence number either:
    /// then no single record can be named, and the whole batch has to fail.
    /// </exception>
    public static StreamEventBatch Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Records", out var records)
            || records.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Not a DynamoDB Streams event: no Records array.");
        }

        var parsed = new List<ChangeRecord>(records.GetArrayLength());
        foreach (var record in records.EnumerateArray())
        {
            try
            {
                parsed.Add(StreamRecordJson.Parse(record));
            }
            catch (FormatException e)
            {
                var sequence = StreamRecordJson.TryGetSequenceNumber(record)
                    ?? throw new FormatException($"Unreadable stream record after {parsed.Count} readable ones: {e.Message}", e);
                return new StreamEventBatch(parsed, sequence, e.Message);
            }
        }

        return new StreamEventBatch(parsed);
    }
}
