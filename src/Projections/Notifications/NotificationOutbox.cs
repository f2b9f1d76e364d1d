using System.Threading.Channels;

namespace Lifestyle.Projections.Notifications;

/// <summary>A recorded notification this process holds the lease of, waiting to be published.</summary>
public sealed record OutboxEntry(NotificationKey Key, SnsMessage Message)
{
    /// <summary>The user and goal (or "user") the fact belongs to: one goal's facts are published in order.</summary>
    public string Stream => Key.PK + "|" + (Key.SK.Split('#') is [_, var goal, ..] ? goal : Key.SK);
}

/// <summary>
/// Keeps SNS off the projection path (docs/product-rules.md §6, §8a): the projector records a fact and hands it here; a publisher
/// (<see cref="NotificationPublishService"/> in the local projector, <see cref="DrainAsync"/> after each Lambda batch)
/// publishes it. Without a publisher nothing is queued and the sweeper takes the recorded items. Facts of one goal
/// go to one lane, so they are published in the order they were recorded.
/// </summary>
public sealed class NotificationOutbox
{
    public const int Lanes = 4;

    private readonly Channel<OutboxEntry>[] lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateBounded<OutboxEntry>(
        new BoundedChannelOptions(2_500) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite }))];

    public NotificationOutbox() => NotificationTelemetry.Watch(this);

    /// <summary>Whether something publishes what is queued here (set by the publishers at start).</summary>
    public bool HasPublisher { get; set; }

    /// <summary>False when there is no publisher or the lane is full: the item then waits for the sweeper.</summary>
    public bool TryEnqueue(OutboxEntry entry) => HasPublisher && lanes[LaneOf(entry)].Writer.TryWrite(entry);

    /// <summary>Entries queued and not yet taken by a publisher.</summary>
    public int Queued => lanes.Sum(l => l.Reader.Count);

    public ValueTask<OutboxEntry> ReadAsync(int lane, CancellationToken ct) => lanes[lane].Reader.ReadAsync(ct);

    /// <summary>Publishes everything queued: goals in parallel, each goal's facts in order, each call bounded by <c>Sns:TimeoutSeconds</c>.</summary>
    public async Task<int> DrainAsync(NotificationSender sender, CancellationToken ct)
    {
        var queued = new List<OutboxEntry>();
        foreach (var lane in lanes)
        {
            while (lane.Reader.TryRead(out var entry))
            {
                queued.Add(entry);
            }
        }

        var published = 0;
        await Parallel.ForEachAsync(queued.GroupBy(e => e.Stream), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (goal, token) =>
            {
                foreach (var e in goal)
                {
                    if (await sender.PublishQueuedAsync(e, token))
                    {
                        Interlocked.Increment(ref published);
                    }
                }
            });
        return published;
    }

    private static int LaneOf(OutboxEntry entry) => (int)((uint)StringComparer.Ordinal.GetHashCode(entry.Stream) % Lanes);
}
