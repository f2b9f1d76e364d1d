using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

public enum SendOutcome
{
    /// <summary>Recorded now and queued for this process's publisher (it holds the lease).</summary>
    Queued,

    /// <summary>Recorded now with no lease held: the sweeper publishes it.</summary>
    Pending,

    /// <summary>This fact was recorded before: nothing was sent.</summary>
    AlreadyRecorded,
}

/// <summary>
/// One copy per fact where SNS answers (docs/product-rules.md §6): the notification item is written (conditionally) before anything
/// is published, so a fact already recorded is never recorded again, and one sender at a time holds its lease.
/// Recording never waits on SNS: the publish happens off the projection path (<see cref="NotificationOutbox"/>).
/// A second copy can only follow a publish whose answer never came (<see cref="SnsOutcomeUnknownException"/>: the
/// lease is kept and the sweeper retries after it) or whose sent-mark failed; both carry the same notificationId.
/// </summary>
public sealed class NotificationSender(
    NotificationStore store, SnsPublisher publisher, NotificationOutbox outbox, IOptions<SnsOptions> sns,
    IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationSender> log)
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(30);
    private long directSkipUntilTicks;

    /// <summary>Records the fact; queues it for this process's publisher while SNS has been answering.</summary>
    public async Task<SendOutcome> SendAsync(Notification n, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // After a failed publish SNS is likely down: leave new facts to the sweeper for a while.
        var direct = outbox.HasPublisher && now.UtcTicks >= Interlocked.Read(ref directSkipUntilTicks);
        var leaseUntil = direct ? now + TimeSpan.FromSeconds(options.Value.LeaseSeconds) : now;
        if (!await store.TryRecordAsync(n, leaseUntil, ct))
        {
            return SendOutcome.AlreadyRecorded;
        }

        if (direct && outbox.TryEnqueue(new OutboxEntry(NotificationItems.KeyOf(n), n.Message())))
        {
            return SendOutcome.Queued;
        }

        if (direct)
        {
            await ReleaseAsync(NotificationItems.KeyOf(n), "the outbox is full", ct);
        }

        return SendOutcome.Pending;
    }

    /// <summary>Publishes an item the outbox holds the lease of; false when it stays pending.</summary>
    public async Task<bool> PublishQueuedAsync(OutboxEntry entry, CancellationToken ct)
    {
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref directSkipUntilTicks))
        {
            await ReleaseAsync(entry.Key, "SNS failed recently; left to the sweeper", ct);
            return false;
        }

        return await PublishRecordedAsync(entry.Key, entry.Message, sns.Value.InlineAttempts, ct);
    }

    /// <summary>Publishes a recorded notification whose lease the caller holds, and marks it sent; false when it stays pending.</summary>
    public async Task<bool> PublishRecordedAsync(NotificationKey key, SnsMessage message, int attempts, CancellationToken ct)
    {
        string messageId;
        try
        {
            messageId = await publisher.PublishAsync(message, attempts, ct);
        }
        catch (SnsOutcomeUnknownException e) when (!ct.IsCancellationRequested)
        {
            PauseDirectPublishing();
            log.LogWarning("Notification {Key}: {Error} It keeps its lease and is retried after it.", key, e.Message);
            return false;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && IsPublishFailure(e))
        {
            PauseDirectPublishing();
            log.LogWarning("Notification {Key} not published, left pending for a retry: {Error}", key, e.Message);
            await ReleaseAsync(key, e.Message, ct);
            return false;
        }

        try
        {
            await store.MarkSentAsync(key, messageId, ct);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            // The at-least-once window: published, not marked; it will be published again after its lease.
            log.LogError("Notification {Key} was published as {MessageId} but could not be marked sent ({Error}); it may be sent twice",
                key, messageId, e.Message);
        }

        return true;
    }

    private void PauseDirectPublishing() =>
        Interlocked.Exchange(ref directSkipUntilTicks, (time.GetUtcNow() + PauseAfterFailure).UtcTicks);

    private async Task ReleaseAsync(NotificationKey key, string reason, CancellationToken ct)
    {
        try
        {
            await store.ReleaseAsync(key, reason, ct);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            // Its lease runs out on its own.
            log.LogWarning("Notification {Key}: could not release its lease: {Error}", key, e.Message);
        }
    }

    private static bool IsPublishFailure(Exception e) =>
        e is SnsException or HttpRequestException or TaskCanceledException or TimeoutException
            or AmazonClientException or System.Xml.XmlException;
}
