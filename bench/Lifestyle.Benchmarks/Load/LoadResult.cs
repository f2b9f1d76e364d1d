using System.Globalization;

namespace Lifestyle.Benchmarks.Load;

/// <summary>What one measured loop did: operations, failures, wall time and latency percentiles (ms).</summary>
public sealed record LoadResult(
    string Name,
    int Workers,
    long Ops,
    long Errors,
    TimeSpan Elapsed,
    double P50,
    double P95,
    double P99,
    double Max,
    string? FirstError)
{
    /// <summary>Successful operations per second of wall time (latencies are of successful operations only).</summary>
    public double Throughput => (Ops - Errors) / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public static LoadResult From(string name, int workers, IReadOnlyList<double> latenciesMs, long errors, TimeSpan elapsed, string? firstError)
    {
        var sorted = latenciesMs.ToArray();
        Array.Sort(sorted);
        return new LoadResult(name, workers, sorted.Length + errors, errors, elapsed,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1], firstError);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string Latency => Fmt.Ms3(P50, P95, P99);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Throughput:N0} ops/s, p50/p95/p99 {Latency}, n={Ops:N0}, errors={Errors:N0}, c={Workers}");
}

public static class Fmt
{
    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms switch
    {
        < 10 => ms.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 => ms.ToString("0.0", CultureInfo.InvariantCulture),
        _ => ms.ToString("N0", CultureInfo.InvariantCulture),
    };

    public static string Ms3(double p50, double p95, double p99) => $"{Ms(p50)} / {Ms(p95)} / {Ms(p99)} ms";

    public static string Rate(double perSecond) => perSecond.ToString(perSecond < 100 ? "N1" : "N0", CultureInfo.InvariantCulture);

    public static string Ratio(double r) => double.IsNaN(r) || double.IsInfinity(r) ? "–" : r.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
