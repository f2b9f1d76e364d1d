using System.Diagnostics;

namespace Lifestyle.Projections.Replay;

/// <summary>
/// Keeps a replay under <c>--max-wcu</c> write capacity units per second (a token bucket shared by
/// all segments); an item costs one unit per started KiB. Zero means unlimited.
/// </summary>
public sealed class WriteThrottle
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private readonly double maxUnitsPerSecond;
    private double available;
    private double last;

    public WriteThrottle(double maxUnitsPerSecond)
    {
        this.maxUnitsPerSecond = maxUnitsPerSecond;
        available = maxUnitsPerSecond;
    }

    public async Task WaitAsync(int units, CancellationToken ct)
    {
        if (maxUnitsPerSecond <= 0)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = clock.Elapsed.TotalSeconds;
                available = Math.Min(maxUnitsPerSecond, available + ((now - last) * maxUnitsPerSecond));
                last = now;
                if (available >= Math.Min(units, maxUnitsPerSecond))
                {
                    available -= units;
                    return;
                }

                wait = TimeSpan.FromSeconds((Math.Min(units, maxUnitsPerSecond) - available) / maxUnitsPerSecond);
            }

            await Task.Delay(wait, ct);
        }
    }
}
