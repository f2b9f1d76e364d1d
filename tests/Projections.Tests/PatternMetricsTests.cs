using System.Text.Json.Nodes;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Tests.StoredFormats;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>The embedded-metric lines of goals created and activities logged by pattern that the dashboard charts.</summary>
public sealed class PatternMetricsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_batch_writes_one_line_per_pattern_with_its_created_goals_and_logged_activities_and_then_starts_afresh()
    {
        var metrics = new PatternMetrics();
        var daily = Samples.Projection with { Pattern = GoalPattern.Daily };
        var created = Samples.Stream.Take(2).ToList(); // goal-created, activity-logged
        metrics.Count(new ProjectionResult(null, daily, created));
        metrics.Count(new ProjectionResult(daily, daily, created.Skip(1).ToList()));
        metrics.Count(new ProjectionResult(daily, Samples.Projection, []));

        var lines = metrics.Drain(At);

        var line = JsonNode.Parse(Assert.Single(lines))!;
        Assert.Equal(("daily", 1, 2), ((string?)line["Pattern"], (int)line["GoalsCreated"]!, (int)line["ActivitiesLogged"]!));
        Assert.Equal("Lifestyle", (string?)line["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]);
        Assert.Equal(At.ToUnixTimeMilliseconds(), (long)line["_aws"]!["Timestamp"]!);
        Assert.Empty(metrics.Drain(At));
        Assert.IsType<GoalCreated>(created[0].Event);
        Assert.IsType<ActivityLogged>(created[1].Event);
    }
}
