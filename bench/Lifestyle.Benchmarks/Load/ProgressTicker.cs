using System.Diagnostics;
using System.Globalization;

namespace Lifestyle.Benchmarks.Load;

/// <summary>Prints a line of progress every few seconds while a long step runs (dispose to stop).</summary>
public sealed class ProgressTicker : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public ProgressTicker(string what, Func<string> status, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        var period = every ?? TimeSpan.FromSeconds(5);
        loop = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    await Task.Delay(period, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … {what}: {status()} ({clock.Elapsed.TotalSeconds:0} s)"));
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
