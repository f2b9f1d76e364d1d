using System.Text.Json;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Insights;
using Lifestyle.Infrastructure.Insights;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Jobs;
using Xunit;

namespace Lifestyle.Projections.Tests.StoredFormats;

/// <summary>The insights item and the template statistics against their golden items, in the table and in Redis.</summary>
public sealed class InsightFormatTests
{
    private static readonly DateOnly Closed = new(2026, 3, 2);

    private static UserInsightsShape Insights()
    {
        var acc = new InsightsAccumulator(Closed);
        acc.AddActive(Samples.Projection with { Pattern = GoalPattern.Daily }); // a daily goal: every field set
        acc.AddGoal(Samples.User, "water-8-glasses");
        return acc.For(Samples.User);
    }

    private static TemplateStatsShape Stats() => TemplateStatsShape.From(TemplateStats.From(Closed,
        [["water-8-glasses", "sleep-8-hours"], ["water-8-glasses"], [], ["sleep-8-hours", "water-8-glasses"]]));

    [Fact]
    public void The_insights_item_is_stored_as_its_golden_item_and_reads_back()
    {
        var shape = Insights();
        Golden.Matches("insights", ItemJson.Write(InsightItems.User(Samples.User, shape, ReadModelKeys.Live)));

        Assert.Equal(Json(shape), Json(InsightItems.ReadUser(ItemJson.Read(Golden.Read("insights")))));
    }

    [Fact]
    public void The_template_statistics_are_stored_as_their_golden_item_and_read_back()
    {
        var shape = Stats();
        Golden.Matches("template-stats", ItemJson.Write(InsightItems.Stats(shape, ReadModelKeys.Live)));

        var read = InsightItems.ReadStats(ItemJson.Read(Golden.Read("template-stats")));
        Assert.Equal(Json(shape), Json(read));
        Assert.Equal(4, read.ToStats().Users);
    }

    [Fact]
    public void A_newer_schema_version_is_refused_in_the_table_and_a_miss_in_redis()
    {
        var item = InsightItems.Stats(Stats(), ReadModelKeys.Live);
        item[EventItems.SchemaVersion] = new Amazon.DynamoDBv2.Model.AttributeValue { N = "2" };

        Assert.Throws<UnknownSchemaVersionException>(() => InsightItems.ReadStats(item));
        Assert.Null(InsightItems.FromCacheValue<TemplateStatsShape>(InsightItems.CacheValue(Stats(), 2), TemplateStatsShape.SchemaVersion));
        Assert.Equal(Json(Stats()), Json(InsightItems.FromCacheValue<TemplateStatsShape>(
            InsightItems.CacheValue(Stats(), TemplateStatsShape.SchemaVersion), TemplateStatsShape.SchemaVersion)!));
    }

    [Fact]
    public void A_blue_green_version_prefixes_the_sort_keys()
    {
        var keys = new ReadModelKeys("v2");

        Assert.Equal(("RMV#v2#INSIGHTS", "RMV#v2#CURRENT"),
            (InsightItems.User(Samples.User, Insights(), keys)["SK"].S, InsightItems.Stats(Stats(), keys)["SK"].S));
    }

    private static string Json(object shape) => JsonSerializer.Serialize(shape, StoreJson.Options);
}
