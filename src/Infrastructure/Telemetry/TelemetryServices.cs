using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Lifestyle.Infrastructure.Telemetry;

/// <summary>
/// The OpenTelemetry SDK for a process: traces and metrics, exported over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads <c>OTEL_EXPORTER_OTLP_*</c> itself). Otherwise no SDK
/// is registered at all, so nothing listens and nothing is recorded. <c>Telemetry:Enabled</c> turns the SDK on without
/// OTLP (for an in-process exporter). Logs are not exported.
/// </summary>
public static class TelemetryServices
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private const int FlushTimeoutMs = 2_000;

    public static bool Exporting(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointVariable]);

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Telemetry:Enabled", Exporting(configuration));

    /// <summary>
    /// Registers the SDK when enabled and returns its builder (null when off). <paramref name="serviceName"/> is the
    /// default <c>service.name</c>; <c>OTEL_SERVICE_NAME</c> and <c>OTEL_RESOURCE_ATTRIBUTES</c> win over it.
    /// </summary>
    public static OpenTelemetryBuilder? AddLifestyleTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        if (!Enabled(configuration))
        {
            return null;
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName).AddEnvironmentVariableDetector())
            .WithTracing(t => t.AddSource(LifestyleTelemetry.Name).AddHttpClientInstrumentation(AwsHttpSpans.Configure))
            .WithMetrics(m => m.AddMeter(LifestyleTelemetry.Name).AddHttpClientInstrumentation().AddRuntimeInstrumentation());
        if (Exporting(configuration))
        {
            otel.WithTracing(t => t.AddOtlpExporter()).WithMetrics(m => m.AddOtlpExporter());
        }

        return otel;
    }

    /// <summary>
    /// For a process without a generic host (the Lambda functions, the tool's verbs): creates the providers now,
    /// which a host would do at start, and returns what flushes them (null when telemetry is off).
    /// </summary>
    public static Action? Start(IServiceProvider services)
    {
        var tracer = services.GetService<TracerProvider>();
        var meter = services.GetService<MeterProvider>();
        if (tracer is null && meter is null)
        {
            return null;
        }

        return () =>
        {
            tracer?.ForceFlush(FlushTimeoutMs);
            meter?.ForceFlush(FlushTimeoutMs);
        };
    }
}
