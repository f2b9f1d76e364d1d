using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>Accepted commands waiting for their goal's read model to reach their version.</summary>
internal sealed class LagTracker(IDatabase db)
{
    private readonly Dictionary<string, List<(long Version, long Responded)>> pending = new(StringComparer.Ordinal);
    private readonly List<double> lags = [];
    private long lastResolved;

    /// <summary>When the last command's read model was reached (Stopwatch ticks).</summary>
    public long LastResolved => Interlocked.Read(ref lastResolved);

    public int Pending
    {
        get
        {
            lock (pending)
            {
                return pending.Values.Sum(l => l.Count);
            }
        }
    }

    public List<double> Lags()
    {
        lock (pending)
        {
            return [.. lags];
        }
    }

    /// <summary>Registers a command's answer, then checks once in case the read model got there first.</summary>
    public async Task AddAsync(string key, long version, long responded)
    {
        lock (pending)
        {
            if (!pending.TryGetValue(key, out var list))
            {
                pending[key] = list = [];
            }

            list.Add((version, responded));
        }

        await CheckAsync(key, Stopwatch.GetTimestamp());
    }

    /// <summary>A keyspace notification: the hash changed at <paramref name="seenAt"/>.</summary>
    public void Changed(string key, long seenAt) => _ = CheckAsync(key, seenAt);

    /// <summary>Waits for every pending command (re-checking them all every 250 ms in case a notification was missed).</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Pending > 0)
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(250);
            List<string> keys;
            lock (pending)
            {
                keys = [.. pending.Keys];
            }

            await Task.WhenAll(keys.Select(k => CheckAsync(k, Stopwatch.GetTimestamp())));
        }

        return true;
    }

    private async Task CheckAsync(string key, long seenAt)
    {
        RedisValue value;
        try
        {
            value = await db.HashGetAsync(key, "version");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return;
        }

        if (value.IsNull || !long.TryParse((string)value!, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return;
        }

        lock (pending)
        {
            if (!pending.TryGetValue(key, out var list))
            {
                return;
            }

            foreach (var (v, responded) in list.Where(p => p.Version <= version).ToList())
            {
                lags.Add(Math.Max(0, Stopwatch.GetElapsedTime(responded, seenAt).TotalMilliseconds));
                lastResolved = Math.Max(lastResolved, seenAt);
                list.Remove((v, responded));
            }

            if (list.Count == 0)
            {
                pending.Remove(key);
            }
        }
    }
}
