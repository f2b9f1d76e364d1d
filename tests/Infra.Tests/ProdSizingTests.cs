using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lifestyle.Infra.Tests.Hcl;

namespace Lifestyle.Infra.Tests;

/// <summary>env/prod.tfvars is sized from docs/capacity.md: each sized value cites a section of the plan that exists,
/// and the values hold the plan's figures.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class ProdSizingTests(InfraFixture infra)
{
    private static readonly string[] Sized =
    [
        "projector_memory_mb", "projector_batch_size", "projector_batching_window_seconds",
        "projector_parallelization_factor", "projector_iterator_age_alarm_ms", "api_provisioned_concurrency",
        "api_throttle_rate", "api_throttle_burst", "redis_node_type", "redis_replicas",
    ];

    private JsonElement Prod => infra.Config.Tfvars("prod");

    [Fact]
    public void Every_sized_prod_value_cites_a_section_of_the_capacity_plan_that_exists()
    {
        var plan = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "capacity.md"));
        var sections = SectionHeading().Matches(plan).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Infra, "env", "prod.tfvars"));

        Assert.All(Sized, name =>
        {
            var line = Assert.Single(lines, l => l.StartsWith(name + " ", StringComparison.Ordinal));
            var cite = CapacityCite().Match(line);
            Assert.True(cite.Success, $"{name} does not cite docs/capacity.md: {line}");
            Assert.Contains(cite.Groups[1].Value, sections);
        });
    }

    [Fact]
    public void The_api_throttle_covers_the_planned_morning_peak_of_10_million_users()
    {
        // capacity §2 and §11: U × 30 % daily active × 22.6 requests a day / 86,400 s × peak factor 2.6.
        const double peakRequestsPerSecond = 10_000_000 * 0.3 * 22.6 / 86_400 * 2.6;
        Assert.True(Number("api_throttle_rate") >= peakRequestsPerSecond, $"rate under {peakRequestsPerSecond:F0}/s");
        Assert.True(Number("api_throttle_burst") >= 2 * Number("api_throttle_rate"));
    }

    [Fact]
    public void The_stream_mapping_and_its_alarm_follow_the_plan()
    {
        Assert.Equal(0, Number("projector_batching_window_seconds"));
        Assert.Equal(100, Number("projector_batch_size"));
        Assert.Equal(4, Number("projector_parallelization_factor"));
        // 10× the planned 1 s p99 lag and at most 5× the 2 s read-your-writes wait; far below the record age.
        Assert.Equal(10_000, Number("projector_iterator_age_alarm_ms"));
        Assert.True(Number("projector_iterator_age_alarm_ms") * 100 <= Number("projector_max_record_age_seconds") * 1000);
    }

    [Fact]
    public void Redis_holds_the_planned_working_set_with_a_replica()
    {
        Assert.Equal("cache.r7g.2xlarge", Prod.Str("redis_node_type"));
        Assert.True(Number("redis_replicas") >= 1);
    }

    [Fact]
    public void The_api_keeps_warm_at_least_the_planned_peak_concurrency()
    {
        // capacity §10: 596 commands/s × 15 ms + 1,445 reads/s × 5 ms ≈ 16 instances at the planning peak.
        Assert.True(Number("api_provisioned_concurrency") >= 16, "under the planned peak concurrency of ~16");
    }

    private double Number(string name)
    {
        var value = Prod.GetProperty(name);
        return value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : double.Parse(value.GetString()!, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^## (\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"#\s*capacity §(\d+)\b")]
    private static partial Regex CapacityCite();
}
