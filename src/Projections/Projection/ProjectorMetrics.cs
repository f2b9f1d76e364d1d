namespace Lifestyle.Projections.Projection;

/// <summary>
/// Counters the projector logs with every batch (and tests and the benchmark read); the batch sizes and lags also go
/// to the OpenTelemetry instruments (<see cref="ProjectorTelemetry"/>).
/// </summary>
public sealed class ProjectorMetrics
{
    private long records;
    private long goalsProjected;
    private long eventsApplied;
    private long failures;
    private long parked;
    private long lastLagMs;
    private long statesKept;
    private long eventsCarried;

    /// <summary>Goals created and activities logged by pattern, written after each batch.</summary>
    public PatternMetrics Patterns { get; } = new();

    public long Records => Interlocked.Read(ref records);

    public long GoalsProjected => Interlocked.Read(ref goalsProjected);

    public long EventsApplied => Interlocked.Read(ref eventsApplied);

    public long Failures => Interlocked.Read(ref failures);

    public long Parked => Interlocked.Read(ref parked);

    /// <summary>Projection lag of the last pass: the last event's recordedAt → its read model written.</summary>
    public long LastLagMs => Interlocked.Read(ref lastLagMs);

    /// <summary>Passes that started from the state kept in memory (no GetItem of the progress item).</summary>
    public long StatesKept => Interlocked.Read(ref statesKept);

    /// <summary>Passes that folded the events their batch carried (no Query of the goal's events).</summary>
    public long EventsCarried => Interlocked.Read(ref eventsCarried);

    public void CountRecords(int n)
    {
        Interlocked.Add(ref records, n);
        ProjectorTelemetry.RecordBatch(n);
    }

    public void CountProjected(ProjectionResult result, TimeSpan lag)
    {
        Interlocked.Increment(ref goalsProjected);
        Interlocked.Add(ref eventsApplied, result.Applied.Count);
        Interlocked.Add(ref statesKept, result.StateKept ? 1 : 0);
        Interlocked.Add(ref eventsCarried, result.EventsCarried ? 1 : 0);
        Interlocked.Exchange(ref lastLagMs, (long)lag.TotalMilliseconds);
        Patterns.Count(result);
        ProjectorTelemetry.RecordLag(lag);
    }

    /// <summary>Writes the embedded-metric lines of what the batch applied, by pattern.</summary>
    public void WritePatternLines(DateTimeOffset at)
    {
        foreach (var line in Patterns.Drain(at))
        {
            Console.Out.WriteLine(line);
        }
    }

    public void CountFailure(bool isParked)
    {
        Interlocked.Increment(ref failures);
        if (isParked)
        {
            Interlocked.Increment(ref parked);
            Console.Out.WriteLine(ParkedMetricLine(DateTimeOffset.UtcNow));
        }
    }

    /// <summary>
    /// CloudWatch embedded metric format, one document per stdout line: Lambda turns it into the
    /// Lifestyle/ParkedGoals metric (no dimensions) that infra/alarms.tf alarms on.
    /// </summary>
    public static string ParkedMetricLine(DateTimeOffset at) =>
        "{\"_aws\":{\"Timestamp\":" + at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)
        + ",\"CloudWatchMetrics\":[{\"Namespace\":\"Lifestyle\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"ParkedGoals\",\"Unit\":\"Count\"}]}]},\"ParkedGoals\":1}";
}
