using System.Collections.Concurrent;
using System.Globalization;

namespace Lifestyle.Benchmarks.Stack;

/// <summary>CPU seconds of each watched process and of the whole machine at one moment.</summary>
public sealed record CpuSnapshot(DateTime At, IReadOnlyDictionary<string, double> Processes, double MachineBusy, double MachineTotal);

/// <summary>
/// The stack's processes as the kernel sees them: peak resident memory (VmHWM, read while the process
/// lives, plus a VmRSS sample every 250 ms for processes that exit first) and CPU time (/proc/&lt;pid&gt;/stat),
/// so each phase can say which process its CPU went to and how busy the rest of the machine was.
/// </summary>
public sealed class ProcessWatch : IDisposable
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly ConcurrentDictionary<string, int> pids = new();
    private readonly ConcurrentDictionary<string, long> peakKb = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;

    public ProcessWatch()
    {
        pids["bench"] = Environment.ProcessId;
        sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var name in pids.Keys)
                {
                    Sample(name);
                }

                try
                {
                    await Task.Delay(250, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public void Track(string name, int pid) => pids[name] = pid;

    /// <summary>Reads the process's high-water mark now (call before stopping it) and stops watching it.</summary>
    public void Final(string name)
    {
        Sample(name);
        pids.TryRemove(name, out _);
    }

    /// <summary>Peak RSS in MiB, or null when the process was never seen.</summary>
    public double? PeakMiB(string name)
    {
        Sample(name);
        return peakKb.TryGetValue(name, out var kb) ? kb / 1024.0 : null;
    }

    public CpuSnapshot Cpu()
    {
        var processes = new Dictionary<string, double>();
        foreach (var (name, pid) in pids)
        {
            if (ProcessCpuSeconds(pid) is { } seconds)
            {
                processes[name] = seconds;
            }
        }

        var (busy, total) = MachineCpuSeconds();
        return new CpuSnapshot(DateTime.UtcNow, processes, busy, total);
    }

    /// <summary>"dynamodb 48%, api 20%, … ; machine 95% busy" — shares of the machine's CPU (all cores) between two snapshots.</summary>
    public static string Describe(CpuSnapshot from, CpuSnapshot to)
    {
        var total = to.MachineTotal - from.MachineTotal;
        if (total <= 0)
        {
            return "–";
        }

        var parts = to.Processes
            .Where(p => from.Processes.ContainsKey(p.Key))
            .Select(p => (p.Key, Share: (p.Value - from.Processes[p.Key]) / total))
            .OrderByDescending(p => p.Share)
            .ToList();
        var ours = parts.Sum(p => p.Share);
        var busy = (to.MachineBusy - from.MachineBusy) / total;
        return string.Join(", ", parts.Where(p => p.Share >= 0.005).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Share:P0}")))
            + string.Create(CultureInfo.InvariantCulture, $"; everything else {Math.Max(0, busy - ours):P0}; idle {1 - busy:P0}");
    }

    public void Dispose()
    {
        stop.Cancel();
        sampler.Wait(TimeSpan.FromSeconds(2));
        stop.Dispose();
    }

    private void Sample(string name)
    {
        if (!pids.TryGetValue(name, out var pid))
        {
            return;
        }

        var kb = Math.Max(Machine.StatusKb(pid, "VmHWM") ?? 0, Machine.StatusKb(pid, "VmRSS") ?? 0);
        if (kb > 0)
        {
            peakKb.AddOrUpdate(name, kb, (_, old) => Math.Max(old, kb));
        }
    }

    /// <summary>utime + stime of the process and its waited-for children, in seconds.</summary>
    private static double? ProcessCpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; the fields after it start at field 3.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Busy and total CPU seconds of the whole machine, all cores (/proc/stat).</summary>
    private static (double Busy, double Total) MachineCpuSeconds()
    {
        try
        {
            var values = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var total = values.Take(8).Sum(); // user nice system idle iowait irq softirq steal (guest is inside user)
            var idle = values[3] + values[4];
            return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return (0, 0);
        }
    }
}
