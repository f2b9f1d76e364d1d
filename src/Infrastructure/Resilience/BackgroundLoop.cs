using Microsoft.Extensions.Logging;

namespace Lifestyle.Infrastructure.Resilience;

/// <summary>
/// A background job's rounds: wait, run one round, repeat until the host stops. A round that fails on a dependency
/// (<see cref="DependencyFailures"/>) is logged and the job goes on with the next round, so a hung store or cache
/// delays that one job and never stops the process; the pause after a failure doubles up to <c>maxPause</c>.
/// </summary>
public static class BackgroundLoop
{
    public static async Task RunAsync(
        string job, TimeSpan interval, Func<CancellationToken, Task> round, ILogger log, CancellationToken stopping, TimeSpan? maxPause = null)
    {
        var pause = interval;
        var longest = maxPause ?? TimeSpan.FromSeconds(30);
        while (!stopping.IsCancellationRequested)
        {
            await Task.Delay(pause, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await round(stopping);
                pause = interval;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DependencyFailures.IsTransient(e, stopping))
            {
                pause = TimeSpan.FromTicks(Math.Min(Math.Max(pause.Ticks * 2, interval.Ticks), longest.Ticks));
                log.LogWarning("{Job} failed on a dependency ({Error}); next round in {PauseMs} ms", job, e.Message, (long)pause.TotalMilliseconds);
            }
        }
    }
}
