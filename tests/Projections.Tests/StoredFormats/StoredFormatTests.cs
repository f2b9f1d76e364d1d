using Lifestyle.Domain.Events;
using Lifestyle.Infrastructure.Storage;
using Xunit;

namespace Lifestyle.Projections.Tests.StoredFormats;

/// <summary>Every stored event shape against its golden item, both ways, and the schema seam (docs/adr/0009).</summary>
public sealed class StoredFormatTests
{
    public static TheoryData<string> EventNames() => new(EventCatalog.Names);

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Each_event_type_is_stored_as_its_golden_item(string name) =>
        Golden.Matches("event-" + name, ItemJson.Write(EventItems.ToItem(Sample(name))));

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Each_golden_event_item_reads_back_as_the_event(string name) =>
        Assert.Equal(Sample(name), EventItems.FromItem(ItemJson.Read(Golden.Read("event-" + name))));

    [Fact]
    public void A_goal_created_stored_at_schema_1_with_its_ids_in_the_payload_reads_as_the_current_event()
    {
        var v1 = ItemJson.Read(Golden.Read("event-goal-created.v1.schema1"));
        Assert.Equal("1", v1[EventItems.SchemaVersion].N);

        Assert.Equal(Samples.Of<GoalCreated>(), EventItems.FromItem(v1));
    }

    [Fact]
    public void A_payload_written_at_a_newer_schema_than_this_build_knows_is_refused_by_name()
    {
        var item = EventItems.ToItem(Samples.Of<ActivityLogged>());
        item[EventItems.SchemaVersion] = new() { N = "7" };

        var refused = Assert.Throws<UnknownSchemaVersionException>(() => EventItems.FromItem(item));

        Assert.Contains("schema 7", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_event_type_of_the_catalog_appears_in_the_sample_stream() =>
        Assert.Equal(EventCatalog.Codecs.Select(c => c.EventType).ToHashSet(), Samples.Stream.Select(e => e.Event.GetType()).ToHashSet());

    private static EventEnvelope Sample(string name) => Samples.Stream.First(e => EventCatalog.NameOf(e.Event) == name);
}
