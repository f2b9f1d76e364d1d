using Lifestyle.Infrastructure.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

/// <summary>In the long-running local projector: publishes what the projector queued, one worker per outbox lane.</summary>
public sealed class NotificationPublishService : BackgroundService
{
    private readonly NotificationOutbox outbox;
    private readonly NotificationSender sender;
    private readonly ILogger<NotificationPublishService> log;

    public NotificationPublishService(
        NotificationOutbox outbox, NotificationSender sender, IOptions<SnsOptions> sns, ILogger<NotificationPublishService> log)
    {
        this.outbox = outbox;
        this.sender = sender;
        this.log = log;
        outbox.HasPublisher = sns.Value.IsEnabled;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !outbox.HasPublisher ? Task.CompletedTask : Task.WhenAll(Enumerable.Range(0, NotificationOutbox.Lanes).Select(lane => WorkAsync(lane, stoppingToken)));

    private async Task WorkAsync(int lane, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            OutboxEntry entry;
            try
            {
                entry = await outbox.ReadAsync(lane, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await sender.PublishQueuedAsync(entry, ct);
            }
            catch (Exception e) when (DependencyFailures.IsTransient(e, ct))
            {
                // The notification stays pending with its lease: the sweep sends it once the store answers again.
                log.LogWarning("Publish of a queued notification failed on a dependency: {Error}", e.Message);
            }
        }
    }
}
