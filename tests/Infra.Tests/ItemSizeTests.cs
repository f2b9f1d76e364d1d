using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Benchmarks.Simulation;
using Lifestyle.Infra.Tests.Hcl;
using Lifestyle.Projections.Stream;

namespace Lifestyle.Infra.Tests;

/// <summary>
/// The item-size rule the capacity simulation bills items by (bench/simulate.sh): AWS's rule on small values, and the
/// "item bytes (golden ids)" column of docs/capacity.md §3 on the stored-format golden files.
/// </summary>
public sealed class ItemSizeTests
{
    [Theory]
    [InlineData("0", 2)]
    [InlineData("7", 2)]
    [InlineData("12.5", 3)]
    [InlineData("100", 2)]
    [InlineData("-0.00120", 2)]
    [InlineData("1772526600", 5)]
    [InlineData("1.5E+3", 2)]
    public void A_number_is_one_byte_per_two_significant_digits_plus_one(string number, int bytes) =>
        Assert.Equal(bytes, ItemSize.Number(number));

    [Fact]
    public void Names_and_values_add_up_with_three_bytes_per_map_or_list_and_one_per_element()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["PK"] = new("USER#é"), // 2 + 7 (é is 2 bytes in UTF-8)
            ["n"] = new() { N = "42" }, // 1 + 2
            ["ok"] = new() { BOOL = true }, // 2 + 1
            ["none"] = new() { NULL = true }, // 4 + 1
            ["m"] = new() { M = new() { ["a"] = new("xy"), ["b"] = new() { L = [new("z"), new() { N = "1" }] } } },
        };

        // m: 1 + 3 + (1 + 2 + 1) + (1 + (3 + (1 + 1) + (2 + 1)) + 1) = 1 + 3 + 4 + 10
        Assert.Equal(9 + 3 + 3 + 5 + 18, ItemSize.Of(item));
    }

    [Theory]
    [InlineData("event-activity-logged.v1.json", 487)]
    [InlineData("event-goal-created.v1.json", 429)]
    [InlineData("head.json", 493)]
    [InlineData("idempotency.json", 273)]
    [InlineData("progress.json", 1_020)]
    [InlineData("daily-snapshot.json", 183)]
    [InlineData("weekly-rollup.json", 189)]
    [InlineData("streak.json", 139)]
    [InlineData("insights.json", 355)]
    public void The_golden_items_have_the_sizes_the_capacity_plan_gives_them(string file, int bytes)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Projections.Tests", "StoredFormats", "golden", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(bytes, ItemSize.Of(DynamoJson.ReadMap(doc.RootElement)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1_024, 1)]
    [InlineData(1_025, 2)]
    [InlineData(7_693, 8)]
    public void A_write_unit_is_a_started_kilobyte(int bytes, int units) => Assert.Equal(units, ItemSize.WriteUnits(bytes));
}
