using Amazon.Runtime;
using Lifestyle.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

/// <summary>
/// Publishes what is still pending: walks the 16 shards of the pending index (GSI1 <c>NOTIFY#PENDING#NN</c>),
/// claims each item whose lease ran out (so two sweepers never publish the same one), publishes and marks it sent.
/// Runs every few seconds in the local projector (<see cref="NotificationSweepService"/>), from the projector
/// Lambda's observer at most every minute, and at the start of the daily close.
/// </summary>
public sealed class NotificationSweeper(
    NotificationStore store, NotificationSender sender, IOptions<SnsOptions> sns, IOptions<NotificationOptions> options,
    TimeProvider time, ILogger<NotificationSweeper> log)
{
    private const int PerShard = 100;
    private long nextInlineTicks;

    /// <summary>Set when a background service sweeps this process; then <see cref="SweepIfDueAsync"/> does nothing.</summary>
    public bool SweepsInBackground { get; set; }

    /// <summary>Publishes pending notifications; returns how many were published.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        if (!sns.Value.IsEnabled)
        {
            return 0;
        }

        var published = 0;
        for (var shard = 0; shard < Keys.StatusShards; shard++)
        {
            foreach (var pending in await store.PendingAsync(shard, PerShard, ct))
            {
                if (pending.LeaseUntil > time.GetUtcNow() || !await store.TryClaimAsync(pending.Key, ct))
                {
                    continue;
                }

                if (!await sender.PublishRecordedAsync(pending.Key, pending.Message, sns.Value.MaxAttempts, ct))
                {
                    // SNS is failing: one bounded call per sweep, not one per pending item.
                    return published;
                }

                published++;
            }
        }

        if (published > 0)
        {
            log.LogInformation("Published {Count} pending notifications", published);
        }

        return published;
    }

    /// <summary>A sweep when none ran in this process for <c>Notifications:InlineSweepSeconds</c>; never throws.</summary>
    public async Task SweepIfDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref nextInlineTicks);
        if (SweepsInBackground || now < next
            || Interlocked.CompareExchange(ref nextInlineTicks, now + TimeSpan.FromSeconds(options.Value.InlineSweepSeconds).Ticks, next) != next)
        {
            return;
        }

        try
        {
            await SweepAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            log.LogWarning("Sweep of pending notifications failed: {Error}", e.Message);
        }
    }
}
