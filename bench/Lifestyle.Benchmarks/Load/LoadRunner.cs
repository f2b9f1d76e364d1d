using System.Diagnostics;

namespace Lifestyle.Benchmarks.Load;

/// <summary>One operation of a worker: null when it succeeded, else what went wrong.</summary>
public delegate Task<string?> Operation(int worker);

/// <summary>
/// A closed-loop load: <c>workers</c> tasks each run the operation back to back. A warm-up of the same
/// loop runs first and is discarded; the measured loop ends at its duration or after <c>maxOps</c>
/// operations, whichever comes first. Only the operation itself is timed (Stopwatch ticks).
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(
        string name, int workers, TimeSpan warmup, TimeSpan duration, int maxOps, Operation op)
    {
        if (warmup > TimeSpan.Zero)
        {
            await LoopAsync(workers, warmup, maxOps, op);
        }

        var (latencies, errors, firstError, elapsed) = await LoopAsync(workers, duration, maxOps, op);
        var result = LoadResult.From(name, workers, latencies, errors, elapsed, firstError);
        Console.Error.WriteLine("  " + result + (firstError is null ? "" : $"  first error: {firstError}"));
        return result;
    }

    private static async Task<(List<double> Latencies, long Errors, string? FirstError, TimeSpan Elapsed)> LoopAsync(
        int workers, TimeSpan duration, int maxOps, Operation op)
    {
        var perWorker = new List<double>[workers];
        long started = 0;
        long errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var latencies = perWorker[w] = new List<double>(4096);
            while (clock.Elapsed < duration && Interlocked.Increment(ref started) <= maxOps)
            {
                var t0 = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    error = await op(w);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    error = $"{e.GetType().Name}: {e.Message}";
                }

                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (error is null)
                {
                    latencies.Add(ms);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })));
        clock.Stop();
        return (perWorker.SelectMany(l => l).ToList(), errors, firstError, clock.Elapsed);
    }
}
