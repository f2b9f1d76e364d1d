using System.Text;
using Lifestyle.Infrastructure.Telemetry;
using Lifestyle.Projections.Stream;
using Lifestyle.Projections.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>
/// OTLP only with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: without it no SDK (so no exporter) is registered; with it the
/// Lambda function's services export traces and metrics to that collector when an invocation's flush runs.
/// </summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public void Without_an_OTLP_endpoint_no_SDK_and_no_exporter_is_registered()
    {
        var services = LambdaServices.Build(Configuration());

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
        Assert.Null(TelemetryServices.Start(services));
        Assert.Null(new ServiceCollection().AddLifestyleTelemetry(Configuration(), "lifestyle-test"));
    }

    [Theory]
    [InlineData(null, "lifestyle-projector")]
    [InlineData("projector-blue", "projector-blue")]
    public void With_an_OTLP_endpoint_traces_and_metrics_go_to_it_under_the_service_name(string? serviceName, string expected)
    {
        using var collector = new OtlpReceiver();
        var services = LambdaServices.Build(Configuration(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Url), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"), ("OTEL_SERVICE_NAME", serviceName)));
        var flush = TelemetryServices.Start(services);
        Assert.NotNull(flush);
        var spanName = "export-test-" + Guid.NewGuid().ToString("N");

        LifestyleTelemetry.Source.StartActivity(spanName)?.Dispose();
        flush();

        Assert.Contains(collector.Received, r => r.Path == "/v1/traces" && Holds(r.Body, spanName) && Holds(r.Body, expected));
        Assert.Contains(collector.Received, r => r.Path == "/v1/metrics" && Holds(r.Body, expected));
        (services as IDisposable)?.Dispose();
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static bool Holds(byte[] protobuf, string text) => protobuf.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
