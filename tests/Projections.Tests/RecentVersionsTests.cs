using Lifestyle.Infrastructure.Memory;
using Xunit;

namespace Lifestyle.Projections.Tests;

public sealed class RecentVersionsTests
{
    private sealed record Versioned(string Id, long Version);

    [Fact]
    public void An_older_version_never_replaces_a_newer_one()
    {
        var cache = new RecentVersions<string, Versioned>(10, v => v.Version);
        cache.Set("g", new Versioned("g", 5));

        cache.Set("g", new Versioned("g", 4));

        Assert.True(cache.TryGet("g", out var known));
        Assert.Equal(5, known.Version);
        cache.Set("g", new Versioned("g", 6));
        Assert.True(cache.TryGet("g", out known));
        Assert.Equal(6, known.Version);
    }

    [Fact]
    public void It_holds_at_most_its_capacity_and_keeps_what_was_used_recently()
    {
        var cache = new RecentVersions<int, Versioned>(100, v => v.Version);
        cache.Set(0, new Versioned("hot", 1));
        for (var i = 1; i <= 1_000; i++)
        {
            cache.Set(i, new Versioned($"g{i}", 1));
            Assert.True(cache.TryGet(0, out _), $"the key used after every write was dropped at write {i}");
        }

        Assert.InRange(cache.Count, 50, 100);
        Assert.True(cache.TryGet(1_000, out _));
        Assert.False(cache.TryGet(1, out _));
    }

    [Fact]
    public void A_removed_key_is_gone_from_both_generations()
    {
        var cache = new RecentVersions<int, Versioned>(4, v => v.Version);
        cache.Set(1, new Versioned("a", 1));
        cache.Set(2, new Versioned("b", 1));
        cache.Set(3, new Versioned("c", 1));

        cache.Remove(1);
        cache.Remove(3);

        Assert.False(cache.TryGet(1, out _));
        Assert.False(cache.TryGet(3, out _));
        Assert.True(cache.TryGet(2, out _));
    }
}
