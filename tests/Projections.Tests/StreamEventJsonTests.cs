using System.Text.Json;
using Lifestyle.Projections.Stream;
using Lifestyle.Projections.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Projections.Tests;

public sealed class StreamEventJsonTests
{
    [Fact]
    public void The_documented_sample_event_becomes_three_records_in_order()
    {
        var batch = StreamEventJson.Parse(SampleEvents.ThreeRecords);

        Assert.Null(batch.UnreadableSequenceNumber);
        Assert.Equal(["111", "222", "333"], batch.Records.Select(r => r.SequenceNumber));
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], batch.Records.Select(r => r.EventName));
        Assert.Equal(["1", "2", "3"], batch.Records.Select(r => r.EventId));
        Assert.All(batch.Records, r => Assert.Equal(SampleEvents.StreamArn, r.EventSourceArn));
        Assert.All(batch.Records, r => Assert.Equal("USER#alice", r.PartitionKey));
        Assert.Equal(["ACTIVITY#g1#2024-06-10T19:26:16.5250000Z", "GOAL#g1", "IDEMPOTENCY#k1"], batch.Records.Select(r => r.SortKey));
        Assert.Null(batch.Records[2].NewImage);
    }

    [Fact]
    public void Nested_maps_lists_numbers_and_nulls_are_kept_exactly()
    {
        var image = StreamEventJson.Parse(SampleEvents.ThreeRecords).Records[0].NewImage!;

        Assert.Equal("goal.activity-logged.v1", image["eventType"].S);
        Assert.Equal("2", image["version"].N);
        var data = image["data"].M;
        Assert.Equal("2.50", data["value"].N);
        Assert.True(data["note"].NULL);
        var tags = data["tags"].L;
        Assert.Equal("morning", tags[0].S);
        Assert.Equal("7", tags[1].N);
        Assert.True(tags[2].M["deep"].BOOL);
    }

    [Fact]
    public void Sets_and_binaries_are_read()
    {
        var image = StreamEventJson.Parse(SampleEvents.ThreeRecords).Records[1].NewImage!;

        Assert.Equal(["a", "b"], image["flags"].SS);
        Assert.Equal(["1", "2.5"], image["sizes"].NS);
        Assert.Equal(new byte[] { 1, 2, 3 }, image["blob"].B.ToArray());
        Assert.Equal([new byte[] { 1 }, new byte[] { 2 }], image["blobs"].BS.Select(b => b.ToArray()));
    }

    [Fact]
    public void An_unreadable_record_stops_the_batch_there_and_is_named()
    {
        var broken = SampleEvents.Record("300").Replace("{\"S\":\"GOAL#g300\"}", "{\"X\":\"?\"}", StringComparison.Ordinal);
        var json = "{\"Records\":[" + SampleEvents.Record("100") + "," + SampleEvents.Record("200") + "," + broken + "," + SampleEvents.Record("400") + "]}";

        var batch = StreamEventJson.Parse(json);

        Assert.Equal(["100", "200"], batch.Records.Select(r => r.SequenceNumber));
        Assert.Equal("300", batch.UnreadableSequenceNumber);
        Assert.Contains("X", batch.UnreadableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_a_readable_sequence_number_fails_the_whole_event()
    {
        var json = "{\"Records\":[" + SampleEvents.Record("100") + ",{\"eventID\":\"x\",\"dynamodb\":{}}]}";

        Assert.Throws<FormatException>(() => StreamEventJson.Parse(json));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Records\":{}}")]
    [InlineData("[]")]
    public void An_event_without_a_records_array_is_refused(string json) =>
        Assert.Throws<FormatException>(() => StreamEventJson.Parse(json));

    [Fact]
    public void Attribute_values_with_unknown_or_mixed_types_are_refused()
    {
        Assert.Throws<FormatException>(() => DynamoJson.ReadValue(JsonDocument.Parse("{\"Q\":\"1\"}").RootElement));
        Assert.Throws<FormatException>(() => DynamoJson.ReadValue(JsonDocument.Parse("{\"S\":\"1\",\"N\":\"1\"}").RootElement));
        Assert.Throws<FormatException>(() => DynamoJson.ReadValue(JsonDocument.Parse("{\"N\":1}").RootElement));
        Assert.Throws<FormatException>(() => DynamoJson.ReadValue(JsonDocument.Parse("{}").RootElement));
    }
}
