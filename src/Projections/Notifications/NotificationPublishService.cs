using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

/// <summary>In the long-running local projector: publishes what the projector queued, four at a time.</summary>
public sealed class NotificationPublishService : BackgroundService
{
    private const int Workers = 4;
    private readonly NotificationOutbox outbox;
    private readonly NotificationSender sender;

    public NotificationPublishService(NotificationOutbox outbox, NotificationSender sender, IOptions<SnsOptions> sns)
    {
        this.outbox = outbox;
        this.sender = sender;
        outbox.HasPublisher = sns.Value.IsEnabled;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !outbox.HasPublisher ? Task.CompletedTask : Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            OutboxEntry entry;
            try
            {
                entry = await outbox.ReadAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await sender.PublishQueuedAsync(entry, ct);
        }
    }
}
