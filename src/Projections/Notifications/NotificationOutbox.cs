using System.Threading.Channels;

namespace Lifestyle.Projections.Notifications;

/// <summary>A recorded notification this process holds the lease of, waiting to be published.</summary>
public sealed record OutboxEntry(NotificationKey Key, SnsMessage Message);

/// <summary>
/// Keeps SNS off the projection path (spec §6, §8a): the projector records a fact and hands it here; a publisher
/// (<see cref="NotificationPublishService"/> in the local projector, <see cref="DrainAsync"/> after each Lambda batch)
/// publishes it. Without a publisher nothing is queued and the sweeper takes the recorded items.
/// </summary>
public sealed class NotificationOutbox
{
    private readonly Channel<OutboxEntry> channel = Channel.CreateBounded<OutboxEntry>(
        new BoundedChannelOptions(10_000) { SingleWriter = false, FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Whether something publishes what is queued here (set by the publishers at start).</summary>
    public bool HasPublisher { get; set; }

    /// <summary>False when there is no publisher or the queue is full: the item then waits for the sweeper.</summary>
    public bool TryEnqueue(OutboxEntry entry) => HasPublisher && channel.Writer.TryWrite(entry);

    public ValueTask<OutboxEntry> ReadAsync(CancellationToken ct) => channel.Reader.ReadAsync(ct);

    /// <summary>Publishes everything queued, a few at a time, each call bounded by <c>Sns:TimeoutSeconds</c>.</summary>
    public async Task<int> DrainAsync(NotificationSender sender, CancellationToken ct)
    {
        var batch = new List<OutboxEntry>();
        while (channel.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        var published = 0;
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (e, token) =>
        {
            if (await sender.PublishQueuedAsync(e, token))
            {
                Interlocked.Increment(ref published);
            }
        });
        return published;
    }
}
