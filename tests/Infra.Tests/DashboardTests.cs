using System.Text.Json;
using System.Text.Json.Nodes;
using Lifestyle.Infra.Tests.Hcl;
using Lifestyle.Projections.Projection;

namespace Lifestyle.Infra.Tests;

/// <summary>The operations dashboard: what each widget charts, and that the custom metrics are the ones the projector writes.</summary>
[Collection(InfraCollection.Name)]
public sealed class DashboardTests(InfraFixture infra)
{
    private TerraformConfig Tf => infra.Config;

    private List<JsonElement> Widgets => [.. Tf.Locals["dashboard_metric_widgets"].EnumerateArray(), Tf.Locals["dashboard_log_widget"]];

    private JsonElement Widget(string titleStart) =>
        Widgets.Single(w => w.GetProperty("properties").Str("title")!.StartsWith(titleStart, StringComparison.Ordinal));

    private static string Metrics(JsonElement widget) => widget.GetProperty("properties").GetProperty("metrics").GetRawText();

    [Fact]
    public void The_dashboard_body_is_the_widgets()
    {
        var dashboard = Tf.Resource("aws_cloudwatch_dashboard", "operations");
        Assert.Equal("${jsonencode({ widgets = local.dashboard_widgets })}", dashboard.Str("dashboard_body"));
        Assert.Equal("${local.prefix}-operations", dashboard.Str("dashboard_name"));
        Assert.Contains("local.dashboard_metric_widgets", Tf.Locals["dashboard_widgets"].GetString(), StringComparison.Ordinal);
        Assert.Contains("[local.dashboard_log_widget]", Tf.Locals["dashboard_widgets"].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Api_latency_percentiles_and_error_rates_are_charted_for_every_route_from_the_http_api_metrics()
    {
        var latency = Metrics(Widget("API latency"));
        Assert.All(["\\\"AWS/ApiGateway\\\", \\\"Latency\\\"", "p50", "p90", "p99", "local.dashboard_routes", "\\\"Route\\\""],
            s => Assert.Contains(s, latency, StringComparison.Ordinal));
        var errors = Metrics(Widget("API error rate"));
        Assert.All(["\\\"Count\\\"", "\\\"4xx\\\"", "\\\"5xx\\\"", "100 * c${i} / n${i}", "100 * s${i} / n${i}"],
            s => Assert.Contains(s, errors, StringComparison.Ordinal));
        Assert.Equal("${concat([aws_apigatewayv2_route.v1.route_key], sort(keys(aws_apigatewayv2_route.public)))}",
            Tf.Locals["dashboard_routes"].GetString());
        Assert.True(Tf.Resource("aws_apigatewayv2_stage", "default").Block("default_route_settings").GetProperty("detailed_metrics_enabled").GetBoolean());
        Assert.Contains("aws_cloudwatch_log_group.api_access.name", Widget("By endpoint").GetProperty("properties").Str("query"), StringComparison.Ordinal);
    }

    [Fact]
    public void Projector_lag_and_parked_goals_are_charted()
    {
        Assert.Equal("""[["AWS/Lambda","IteratorAge","FunctionName","${aws_lambda_function.projector.function_name}",{"stat":"Maximum"}]]""",
            Compact(Metrics(Widget("Projector lag"))));
        Assert.Equal("""[["Lifestyle","ParkedGoals",{"stat":"Sum"}]]""", Compact(Metrics(Widget("Parked goals"))));
    }

    [Fact]
    public void Goal_patterns_and_hourly_activity_chart_the_metrics_the_projector_writes()
    {
        var line = JsonNode.Parse(PatternMetrics.Line(DateTimeOffset.UnixEpoch, "daily", 1, 2))!;
        var emitted = line["_aws"]!["CloudWatchMetrics"]![0]!;
        Assert.Equal("[[\"Pattern\"]]", emitted["Dimensions"]!.ToJsonString());
        var names = emitted["Metrics"]!.AsArray().Select(m => (string)m!["Name"]!).ToList();
        Assert.Equal(["GoalsCreated", "ActivitiesLogged"], names);

        var patterns = Widget("Goal pattern distribution");
        Assert.Equal("pie", patterns.GetProperty("properties").Str("view"));
        Assert.Contains("\\\"Lifestyle\\\", \\\"GoalsCreated\\\", \\\"Pattern\\\", p", Metrics(patterns), StringComparison.Ordinal);
        var hourly = Widget("Activities logged per hour");
        Assert.Equal(3600, hourly.GetProperty("properties").GetProperty("period").GetInt32());
        Assert.Contains("\\\"Lifestyle\\\", \\\"ActivitiesLogged\\\", \\\"Pattern\\\", p", Metrics(hourly), StringComparison.Ordinal);
        Assert.Equal(["daily", "weekly", "total", "limit", "milestones"], Tf.Locals["dashboard_patterns"].Strings());
    }

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();
}
