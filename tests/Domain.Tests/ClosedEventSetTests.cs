using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Xunit;

namespace Lifestyle.Domain.Tests;

/// <summary>
/// C# has no closed unions, so this proves the event set closed: every event record of the assembly has a codec,
/// a sample here, and every fold (write model, read model, status machine, quota count) handles it. A new event
/// type fails these tests until each of those places knows it.
/// </summary>
public sealed class ClosedEventSetTests
{
    private static readonly Type[] EventRecords = typeof(GoalEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(GoalEvent))).ToArray();

    public static TheoryData<GoalEvent> OneOfEach() => CatalogTests.OneOfEach();

    [Fact]
    public void Every_event_record_has_exactly_one_codec_and_a_sample()
    {
        Assert.Equal(EventRecords.ToHashSet(), EventCatalog.Codecs.Select(c => c.EventType).ToHashSet());
        Assert.Equal(EventCatalog.Codecs.Count, EventCatalog.Codecs.Select(c => c.EventType).Distinct().Count());
        Assert.Equal(EventRecords.ToHashSet(), ((IEnumerable<object[]>)OneOfEach()).Select(row => row[0].GetType()).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Every_fold_handles_every_event(GoalEvent e)
    {
        var created = Envelope(1, new GoalCreated("g", "u", GoalPattern.Total, new("t", 10m, null, null, null, null), GoalSpec.Today, "UTC", null));
        var stream = e is GoalCreated ? [created] : new[] { created, Envelope(2, e) };

        Assert.NotNull(GoalState.Fold(stream));
        Assert.NotNull(GoalProjection.Fold(stream));
        Assert.NotNull(GoalStatusMachine.After(GoalStatus.Active, e).ToWire());
        _ = GoalStream.OpenGoalsDelta(GoalState.Fold([created]), [e]);
    }

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Every_codec_encodes_to_its_declared_shape(GoalEvent e)
    {
        var codec = EventCatalog.For(e);

        Assert.IsType(codec.ShapeType, codec.Encode(e));
        Assert.True(codec.SchemaVersion >= 1);
        Assert.Equal(Enumerable.Range(1, codec.SchemaVersion - 1), codec.Upcasters.Select(u => u.FromVersion).Order());
    }

    private static EventEnvelope Envelope(long version, GoalEvent e) => new("u", "g", version, GoalSpec.Now.AddTicks(version), $"e{version}", e);
}
