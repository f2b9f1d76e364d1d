using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using OpenTelemetry.Metrics;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// Traces and metrics of the API and the projector, read from the in-memory exporter: a command's trace from the
/// HTTP server span through MediatR to DynamoDB, a read's Redis span, the commands counter, and the projection lag.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryStackFixture telemetry)
{
    [Fact]
    public async Task A_command_is_traced_through_MediatR_to_DynamoDB_a_read_reaches_Redis_and_commands_are_counted_by_outcome()
    {
        var user = StackFixture.NewUserId();
        using var client = telemetry.Stack.ClientFor(user);
        var (create, read) = (ActivityTraceId.CreateRandom(), ActivityTraceId.CreateRandom());
        var goalId = (string)(await SendAsync(client, HttpMethod.Post, "/v1/goals", create, HttpStatusCode.Created,
            new { title = "Water", pattern = "daily", target = 8, timezone = "Europe/Berlin" }))["goalId"]!;
        await SendAsync(client, HttpMethod.Get, $"/v1/goals/{goalId}", read, HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Post, $"/v1/goals/{goalId}/pause", ActivityTraceId.CreateRandom(), HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Post, $"/v1/goals/{goalId}/activities", ActivityTraceId.CreateRandom(), HttpStatusCode.Conflict,
            new { value = 1 });

        var (server, mediator, dynamo) = await TelemetryStackFixture.SpansAsync(spans =>
        {
            var trace = Trace(spans, create);
            return trace.FirstOrDefault(s => s.Kind == ActivityKind.Server) is { } server
                && trace.FirstOrDefault(s => s.DisplayName == "CreateGoalCommand") is { } mediator
                && trace.FirstOrDefault(s => s.DisplayName == "DynamoDB.TransactWriteItems") is { } dynamo
                ? Tuple.Create(server, mediator, dynamo)
                : null;
        });
        var created = Trace(TelemetryStackFixture.Spans.Snapshot(), create);
        Assert.Equal("Microsoft.AspNetCore", server.Source.Name);
        Assert.Equal("/v1/goals", server.GetTagItem("http.route"));
        Assert.True(Descends(mediator, server, created));
        Assert.True(Descends(dynamo, mediator, created));
        Assert.Equal(ActivityKind.Client, dynamo.Kind);
        Assert.Equal(("DynamoDB", "TransactWriteItems"), (dynamo.GetTagItem("rpc.service"), dynamo.GetTagItem("rpc.method")));

        var redis = await TelemetryStackFixture.SpansAsync(spans =>
            Trace(spans, read) is var trace && trace.FirstOrDefault(s => s.Kind == ActivityKind.Server) is { } get
                ? trace.FirstOrDefault(s => Equals(s.GetTagItem("db.system.name"), "redis") && Descends(s, get, trace))
                : null);
        Assert.Equal(ActivityKind.Client, redis.Kind);
        Assert.Equal("HMGET", redis.DisplayName);

        // No span carries the user id in the clear.
        Assert.All(created.Concat(Trace(TelemetryStackFixture.Spans.Snapshot(), read)), s =>
            Assert.DoesNotContain(s.TagObjects, t => t.Value?.ToString()?.Contains(user, StringComparison.Ordinal) == true));

        var commands = telemetry.CollectMetrics()["lifestyle.commands"];
        Assert.True(Count(commands, ("command", "CreateGoal"), ("outcome", "ok"), ("http.response.status_code", 201)) >= 1);
        Assert.True(Count(commands, ("command", "ChangeGoalStatus"), ("outcome", "ok"), ("http.response.status_code", 200)) >= 1);
        Assert.True(Count(commands, ("command", "LogActivity"), ("outcome", "goal-paused"), ("http.response.status_code", 409)) >= 1);
    }

    [Fact]
    public async Task Projecting_a_logged_activity_records_its_lag_the_batch_size_and_spans_per_batch_and_goal()
    {
        var before = HistogramCount(telemetry.CollectMetrics(), "lifestyle.projection.lag");
        var user = StackFixture.NewUserId();
        using var client = telemetry.Stack.ClientFor(user);
        var goalId = await client.CreateGoalAsync(new { title = "Walk", pattern = "daily", target = 3, timezone = "Europe/Berlin" });
        var version = await client.LogAsync(goalId, 1);
        await telemetry.Stack.WaitForVersionAsync(user, $"PROGRESS#{goalId}", version, Stopwatch.StartNew(), TimeSpan.FromSeconds(10));

        // The pass counts its lag just after its writes (and the Redis copy): poll briefly.
        var metrics = telemetry.CollectMetrics();
        for (var wait = Stopwatch.StartNew(); HistogramCount(metrics, "lifestyle.projection.lag") <= before && wait.Elapsed < TimeSpan.FromSeconds(5);)
        {
            await Task.Delay(100);
            metrics = telemetry.CollectMetrics();
        }

        Assert.Equal("ms", metrics["lifestyle.projection.lag"].Unit);
        Assert.True(HistogramCount(metrics, "lifestyle.projection.lag") > before);
        Assert.True(HistogramCount(metrics, "lifestyle.projection.batch.size") > 0);
        Assert.Equal("{record}", metrics["lifestyle.projection.batch.size"].Unit);

        var pass = await TelemetryStackFixture.SpansAsync(spans =>
            spans.FirstOrDefault(s => s.DisplayName == "projector.goal" && Equals(s.GetTagItem("lifestyle.goal.id"), goalId)));
        // A span is exported when it ends: the batch's after its goals', so wait for it too.
        await TelemetryStackFixture.SpansAsync(spans =>
            spans.FirstOrDefault(s => s.DisplayName == "projector.batch" && s.SpanId == pass.ParentSpanId));
        var trace = Trace(TelemetryStackFixture.Spans.Snapshot(), pass.TraceId);
        Assert.Contains(trace, s => s.DisplayName == "DynamoDB.TransactWriteItems" && Descends(s, pass, trace));
    }

    private static async Task<JsonObject> SendAsync(
        HttpClient client, HttpMethod method, string path, ActivityTraceId trace, HttpStatusCode expected, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The trace's spans, each once (both SDKs of the process export the spans they share).</summary>
    private static List<Activity> Trace(IEnumerable<Activity> spans, ActivityTraceId trace) =>
        spans.Where(s => s.TraceId == trace).DistinctBy(s => s.SpanId).ToList();

    private static bool Descends(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var parent = span.ParentSpanId; parent != default; parent = trace.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static long Count(MetricSnapshot metric, params (string Key, object Value)[] tags) =>
        metric.MetricPoints.Where(p => tags.All(t => Tag(p, t.Key) is { } v && v.Equals(t.Value))).Sum(p => p.GetSumLong());

    private static long HistogramCount(IReadOnlyDictionary<string, MetricSnapshot> metrics, string name) =>
        metrics.TryGetValue(name, out var metric) ? metric.MetricPoints.Sum(p => p.GetHistogramCount()) : 0;

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
