using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>
/// A stack of its own (<see cref="StackFixture"/>) with telemetry on (<c>Telemetry:Enabled</c>, no OTLP) and the
/// in-memory exporter added to the SDK the API and the projector register themselves. The SDK listens process-wide,
/// so the lists also hold other tests' spans: look them up by trace.
/// </summary>
public sealed class TelemetryStackFixture : IAsyncLifetime
{
    public StackFixture Stack { get; } = new()
    {
        ExtraSettings = new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" },
        ConfigureServices = services => services
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics)),
    };

    /// <summary>Spans both SDKs exported (each span once per SDK that recorded it).</summary>
    public static LockedCollection<Activity> Spans { get; } = new();

    public static LockedCollection<MetricSnapshot> Metrics { get; } = new();

    public Task InitializeAsync() => Stack.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        Spans.Clear();
        Metrics.Clear();
    }

    /// <summary>Collects both processes' metrics now; returns the latest snapshot of each metric.</summary>
    public IReadOnlyDictionary<string, MetricSnapshot> CollectMetrics()
    {
        Metrics.Clear();
        Stack.Api.Services.GetRequiredService<MeterProvider>().ForceFlush();
        Stack.Services.GetRequiredService<MeterProvider>().ForceFlush();
        return Metrics.Snapshot().GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <summary>Waits (10 s at most) until the exported spans satisfy <paramref name="found"/>.</summary>
    public static async Task<T> SpansAsync<T>(Func<IReadOnlyList<Activity>, T?> found)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (found(Spans.Snapshot()) is { } result)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, "the expected spans were not exported within 10 s");
            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryStackFixture>
{
    public const string Name = "telemetry";
}
