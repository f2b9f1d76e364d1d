using System.Diagnostics;
using System.Globalization;

namespace Lifestyle.Projections.Replay;

/// <summary>
/// The live progress line (goals, events, events/s, ETA) on stderr: redrawn in place on a terminal,
/// a line every few seconds otherwise. The ETA uses the scanned share of the table's item count.
/// </summary>
public sealed class ReplayProgress(TextWriter output, long? tableItems)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long goals;
    private long events;
    private long items;
    private long scanned;
    private long differences;

    public long Goals => Interlocked.Read(ref goals);

    public long Events => Interlocked.Read(ref events);

    public long Items => Interlocked.Read(ref items);

    public long Differences => Interlocked.Read(ref differences);

    public TimeSpan Elapsed => clock.Elapsed;

    public double EventsPerSecond => Events / Math.Max(clock.Elapsed.TotalSeconds, 0.001);

    public void CountGoal(int goalEvents, int goalItems, int goalDifferences)
    {
        Interlocked.Increment(ref goals);
        Interlocked.Add(ref events, goalEvents);
        Interlocked.Add(ref items, goalItems);
        Interlocked.Add(ref differences, goalDifferences);
    }

    public void CountScanned(int n) => Interlocked.Add(ref scanned, n);

    public async Task ShowUntilAsync(Task work)
    {
        var interactive = !Console.IsErrorRedirected;
        var every = interactive ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(5);
        while (await Task.WhenAny(work, Task.Delay(every)) != work)
        {
            await output.WriteAsync((interactive ? "\r" : "") + Line() + (interactive ? "   " : Environment.NewLine));
        }

        await output.WriteLineAsync((interactive ? "\r" : "") + Line());
    }

    public string Line()
    {
        var eta = "";
        var seen = Interlocked.Read(ref scanned);
        if (tableItems is > 0 && seen > 0 && seen < tableItems)
        {
            var left = clock.Elapsed.TotalSeconds * (tableItems.Value - seen) / seen;
            eta = $"  ETA {TimeSpan.FromSeconds(Math.Round(left)):c}";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"goals {Goals:N0}  events {Events:N0}  items {Items:N0}  {EventsPerSecond:N0} events/s  elapsed {clock.Elapsed:hh\\:mm\\:ss}{eta}");
    }
}
