using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

public enum SendOutcome
{
    /// <summary>Recorded now and published.</summary>
    Sent,

    /// <summary>Recorded now; the publish failed, so the sweeper will publish it.</summary>
    Pending,

    /// <summary>This fact was recorded before: nothing was sent.</summary>
    AlreadyRecorded,
}

/// <summary>
/// At most once per fact: the notification item is written (conditionally) before publishing, so a fact already
/// recorded is never published again; a publish that fails leaves the item pending for the sweeper.
/// The one window left is at-least-once: SNS accepted the message but marking the item sent failed (or SNS's
/// answer was lost and the retry published again); after its lease the sweeper publishes it a second time.
/// </summary>
public sealed class NotificationSender(
    NotificationStore store, SnsPublisher publisher, IOptions<SnsOptions> sns, IOptions<NotificationOptions> options,
    TimeProvider time, ILogger<NotificationSender> log)
{
    private long inlineSkipUntilTicks;

    /// <summary>Records the fact and publishes it (a couple of quick attempts; the sweeper does the rest).</summary>
    public async Task<SendOutcome> SendAsync(Notification n, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // After a failed publish, skip publishing for a while: SNS is likely down, and the projector
        // should not wait on it for every goal. The items go straight to the sweeper.
        var skip = now.UtcTicks < Interlocked.Read(ref inlineSkipUntilTicks);
        var leaseUntil = skip ? now : now + TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        if (!await store.TryRecordAsync(n, leaseUntil, ct))
        {
            return SendOutcome.AlreadyRecorded;
        }

        if (skip)
        {
            return SendOutcome.Pending;
        }

        var sent = await PublishRecordedAsync(NotificationItems.KeyOf(n), n.Message(), sns.Value.InlineAttempts, ct);
        if (!sent)
        {
            Interlocked.Exchange(ref inlineSkipUntilTicks, (time.GetUtcNow() + TimeSpan.FromSeconds(30)).UtcTicks);
        }

        return sent ? SendOutcome.Sent : SendOutcome.Pending;
    }

    /// <summary>Publishes a recorded (and claimed) notification and marks it sent; false when it stays pending.</summary>
    public async Task<bool> PublishRecordedAsync(NotificationKey key, SnsMessage message, int attempts, CancellationToken ct)
    {
        string messageId;
        try
        {
            messageId = await publisher.PublishAsync(message, attempts, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && IsPublishFailure(e))
        {
            log.LogWarning("Notification {Key} not published, left pending for a retry: {Error}", key, e.Message);
            try
            {
                await store.ReleaseAsync(key, e.Message, ct);
            }
            catch (Exception release) when (release is AmazonServiceException or AmazonClientException)
            {
                // Its lease runs out on its own.
                log.LogWarning("Notification {Key}: could not release its lease: {Error}", key, release.Message);
            }

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

    private static bool IsPublishFailure(Exception e) =>
        e is SnsException or HttpRequestException or TaskCanceledException or TimeoutException
            or AmazonClientException or System.Xml.XmlException;
}
