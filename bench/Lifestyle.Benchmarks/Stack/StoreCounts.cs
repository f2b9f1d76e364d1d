using System.Globalization;

namespace Lifestyle.Benchmarks.Stack;

/// <summary>DynamoDB requests by operation, as a <see cref="CountingProxy"/> saw them up to one moment.</summary>
public sealed class StoreCounts(IReadOnlyDictionary<string, long> byOperation)
{
    public static readonly StoreCounts None = new(new Dictionary<string, long>());

    public IReadOnlyDictionary<string, long> ByOperation { get; } = byOperation;

    public long Total => ByOperation.Values.Sum();

    public long this[string operation] => ByOperation.TryGetValue(operation, out var n) ? n : 0;

    /// <summary>The requests made between <paramref name="earlier"/> and this snapshot.</summary>
    public StoreCounts Since(StoreCounts earlier) => new(ByOperation
        .Select(p => (p.Key, N: p.Value - earlier[p.Key]))
        .Where(p => p.N > 0)
        .ToDictionary(p => p.Key, p => p.N, StringComparer.Ordinal));

    /// <summary>"TransactWriteItems 1.00 · GetItem 0.02 (1.02 in all)": requests per unit, largest first.</summary>
    public string PerUnit(double units)
    {
        if (Total == 0 || units <= 0)
        {
            return "no requests counted";
        }

        var parts = ByOperation.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key} {Per(p.Value, units)}");
        return $"{string.Join(" · ", parts)} ({Per(Total, units)} in all)";
    }

    /// <summary>Requests per unit excluding the stream reads (GetRecords, GetShardIterator, DescribeStream, ListStreams).</summary>
    public double TablePerUnit(double units) =>
        ByOperation.Where(p => !IsStreamOperation(p.Key)).Sum(p => p.Value) / Math.Max(units, 1e-9);

    public static bool IsStreamOperation(string operation) =>
        operation is "GetRecords" or "GetShardIterator" or "DescribeStream" or "ListStreams";

    private static string Per(long n, double units) => (n / units).ToString(n / units < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
