using Lifestyle.Commands.Users.Erasure;
using Xunit;

namespace Lifestyle.Commands.Tests;

/// <summary>The erasure's delete pacing (Erasure:ItemsPerSecond): each call waits for its share of the rate.</summary>
public sealed class DeletePacingTests
{
    [Fact]
    public void Without_a_rate_no_call_waits()
    {
        var pacing = new DeletePacing(0, new ManualClock());
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(TimeSpan.Zero, pacing.Reserve(25)));
    }

    [Fact]
    public void Calls_at_once_queue_behind_each_other_and_an_idle_second_owes_nothing()
    {
        var clock = new ManualClock();
        var pacing = new DeletePacing(1_000, clock);
        Assert.Equal([0, 25, 50], new[] { pacing.Reserve(25), pacing.Reserve(25), pacing.Reserve(25) }.Select(w => Math.Round(w.TotalMilliseconds)));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, pacing.Reserve(25));
    }

    [Fact]
    public void At_900_a_second_a_minute_of_25_item_calls_deletes_54000_items_the_50000_a_minute_of_the_rules()
    {
        var pacing = new DeletePacing(900, new ManualClock());
        var items = 0;
        while (pacing.Reserve(25) < TimeSpan.FromMinutes(1))
        {
            items += 25;
        }

        Assert.InRange(items, 50_000, 54_025);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => now;

        public void Advance(TimeSpan by) => now += by.Ticks;
    }
}
