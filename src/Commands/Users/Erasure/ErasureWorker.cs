using System.Threading.Channels;
using Lifestyle.Infrastructure.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Commands.Users.Erasure;

/// <summary>Erasures the request did not finish within its budget, for <see cref="ErasureWorker"/>.</summary>
public sealed class ErasureQueue
{
    private readonly Channel<ErasureJob> jobs = Channel.CreateUnbounded<ErasureJob>();

    public void Enqueue(ErasureJob job) => jobs.Writer.TryWrite(job);

    public ValueTask<ErasureJob> NextAsync(CancellationToken ct) => jobs.Reader.ReadAsync(ct);
}

/// <summary>
/// Finishes erasures in the background: on start every pending one (a process stopped mid-erasure), then each
/// one a request handed over. A failing run (a dependency down) is retried with a growing pause.
/// </summary>
public sealed class ErasureWorker(ErasureLedger ledger, UserErasure erasure, ErasureQueue queue, ILogger<ErasureWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var job in await RetryAsync(() => ledger.PendingAsync(stoppingToken), "listing pending erasures", stoppingToken))
        {
            log.LogInformation("Resuming erasure {ErasureId}", job.ErasureId);
            queue.Enqueue(job);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var job = await queue.NextAsync(stoppingToken);
            await RetryAsync(async () =>
            {
                // Where the last run left it: its count and goal ids are on the pending record, not in the queued copy.
                var current = await ledger.ReloadAsync(job, stoppingToken);
                return current is null || await erasure.RunAsync(current, Timeout.InfiniteTimeSpan, stoppingToken);
            }, $"erasure {job.ErasureId}", stoppingToken);
        }
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> run, string what, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await run();
            }
            catch (Exception e) when (DependencyFailures.IsTransient(e, ct))
            {
                log.LogWarning("{What} failed (attempt {Attempt}), retrying: {Error}", what, attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt, 5))), ct);
            }
        }
    }
}
