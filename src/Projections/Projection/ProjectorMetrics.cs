namespace Lifestyle.Projections.Projection;

/// <summary>Counters the projector logs with every batch (and tests and the benchmark read).</summary>
public sealed class ProjectorMetrics
{
    private long records;
    private long goalsProjected;
    private long eventsApplied;
    private long failures;
    private long parked;
    private long lastLagMs;

    public long Records => Interlocked.Read(ref records);

    public long GoalsProjected => Interlocked.Read(ref goalsProjected);

    public long EventsApplied => Interlocked.Read(ref eventsApplied);

    public long Failures => Interlocked.Read(ref failures);

    public long Parked => Interlocked.Read(ref parked);

    /// <summary>Projection lag of the last pass: the last event's recordedAt → its read model written.</summary>
    public long LastLagMs => Interlocked.Read(ref lastLagMs);

    public void CountRecords(int n) => Interlocked.Add(ref records, n);

    public void CountProjected(int events, TimeSpan lag)
    {
        Interlocked.Increment(ref goalsProjected);
        Interlocked.Add(ref eventsApplied, events);
        Interlocked.Exchange(ref lastLagMs, (long)lag.TotalMilliseconds);
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
