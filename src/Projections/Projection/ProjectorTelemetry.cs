using System.Diagnostics;
using System.Diagnostics.Metrics;
using Lifestyle.Infrastructure.Telemetry;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// The projector's spans (a batch, a goal pass) and instruments: <c>lifestyle.projection.lag</c> (ms, event
/// recordedAt → read model written), <c>lifestyle.projection.batch.size</c> (records) and the
/// <c>lifestyle.projection.parked_goals</c> gauge, the parked items of <see cref="ProjectionFailures"/> counted by a
/// Query at most once a minute while someone collects it.
/// </summary>
internal static class ProjectorTelemetry
{
    private static readonly TimeSpan ParkedRefresh = TimeSpan.FromMinutes(1);

    private static readonly Histogram<double> Lag = LifestyleTelemetry.Meter.CreateHistogram<double>(
        "lifestyle.projection.lag", "ms", "From an event's recordedAt to its goal's read model written.");

    private static readonly Histogram<long> BatchSize = LifestyleTelemetry.Meter.CreateHistogram<long>(
        "lifestyle.projection.batch.size", "{record}", "Stream records per batch handed to the projector.");

    private static readonly ObservableGauge<long> Parked = LifestyleTelemetry.Meter.CreateObservableGauge(
        "lifestyle.projection.parked_goals", ObserveParked, "{goal}", "Goals parked after repeated projection failures.");

    private static long parkedGoals = -1;
    private static long parkedDueTicks;

    public static void RecordLag(TimeSpan lag) => Lag.Record(lag.TotalMilliseconds);

    public static void RecordBatch(int records) => BatchSize.Record(records);

    public static Activity? StartBatch(int records)
    {
        var span = LifestyleTelemetry.Source.StartActivity("projector.batch");
        span?.SetTag("lifestyle.batch.records", records);
        return span;
    }

    public static Activity? StartPass(string goalId)
    {
        var span = LifestyleTelemetry.Source.StartActivity("projector.goal");
        span?.SetTag("lifestyle.goal.id", goalId);
        return span;
    }

    /// <summary>Counts the parked goals again when the gauge is collected and the last count is a minute old; never throws.</summary>
    public static async Task RefreshParkedAsync(ProjectionFailures failures, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref parkedDueTicks);
        if (!Parked.Enabled || now < due || Interlocked.CompareExchange(ref parkedDueTicks, now + ParkedRefresh.Ticks, due) != due)
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref parkedGoals, await failures.CountParkedAsync(ct));
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            // The gauge keeps its last count; the next batch after a minute asks again.
        }
    }

    private static IEnumerable<Measurement<long>> ObserveParked() =>
        Interlocked.Read(ref parkedGoals) is var n and >= 0 ? [new Measurement<long>(n)] : [];
}
