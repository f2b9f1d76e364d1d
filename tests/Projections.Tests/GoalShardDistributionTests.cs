using System.Globalization;
using Lifestyle.Infrastructure.Storage;
using Xunit;
using Xunit.Abstractions;

namespace Lifestyle.Projections.Tests;

/// <summary>
/// The capacity plan (docs/capacity.md, "GSI1 shards") sizes each status shard and each pending-notification shard
/// as 1/16 of the goals. These tests check that bound over a million goal ids of the shape the API issues
/// (UUIDv7 "N": 48 bits of milliseconds, then random bits).
/// </summary>
public sealed class GoalShardDistributionTests(ITestOutputHelper output)
{
    private const int Ids = 1_000_000;

    /// <summary>Largest shard at most 2 % above the mean (the plan's margin); for seeded ids also chi-square under p = 0.001.</summary>
    private const double MaxExcess = 0.02;
    private const double ChiSquare15DfAt0001 = 37.70;

    [Fact]
    public void A_million_generated_goal_ids_fill_the_16_shards_within_2_percent_of_the_mean()
    {
        var random = new Random(20261202);
        var start = DateTimeOffset.Parse("2026-12-02T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var counts = Count(i => SeededV7(random, start + (i / 50)));

        AssertUniform(counts, "seeded UUIDv7 ids, 50 per millisecond", seeded: true);
    }

    [Fact]
    public void A_burst_of_real_uuid_v7_ids_sharing_their_time_prefix_is_spread_as_evenly()
    {
        // Created in a tight loop, thousands of ids share their 48-bit time prefix: the hash must mix the random tail.
        var counts = Count(_ => Guid.CreateVersion7().ToString("N"));

        AssertUniform(counts, "Guid.CreateVersion7 in a tight loop", seeded: false);
    }

    private static int[] Count(Func<int, string> id)
    {
        var counts = new int[Keys.StatusShards];
        for (var i = 0; i < Ids; i++)
        {
            counts[Keys.Shard(id(i))]++;
        }

        return counts;
    }

    private void AssertUniform(int[] counts, string source, bool seeded)
    {
        var mean = (double)Ids / Keys.StatusShards;
        var excess = (counts.Max() - mean) / mean;
        var chiSquare = counts.Sum(c => (c - mean) * (c - mean) / mean);
        output.WriteLine(FormattableString.Invariant(
            $"{source}: min {counts.Min()}, max {counts.Max()}, mean {mean:F0}, max excess {excess:P2}, chi² {chiSquare:F1}"));

        Assert.Equal(Ids, counts.Sum());
        Assert.True(excess <= MaxExcess, FormattableString.Invariant($"largest shard {excess:P2} above the mean"));
        // Unseeded ids would fail a p = 0.001 test once in a thousand runs; the 2 % bound is over 5 sigma.
        Assert.True(!seeded || chiSquare < ChiSquare15DfAt0001, FormattableString.Invariant($"chi² {chiSquare:F1} over 15 df"));
    }

    private static string SeededV7(Random random, long unixMs)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        for (var b = 0; b < 6; b++)
        {
            bytes[b] = (byte)(unixMs >> (8 * (5 - b)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return Convert.ToHexStringLower(bytes);
    }
}
