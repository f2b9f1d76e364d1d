using Amazon.Runtime;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

/// <summary>
/// Turns each live projection pass into notifications (<see cref="ProjectionFacts"/>), after the read models were
/// written. Replays call no observers, so they notify nobody; a stream record delivered again projects nothing new.
/// </summary>
public sealed class NotificationObserver(
    NotificationSender sender, NotificationSweeper sweeper, IOptions<SnsOptions> sns, ILogger<NotificationObserver> log)
    : IProjectionObserver
{
    public async Task ProjectedAsync(ProjectionResult result, CancellationToken ct)
    {
        if (!sns.Value.IsEnabled)
        {
            return;
        }

        foreach (var fact in ProjectionFacts.Of(result))
        {
            try
            {
                var outcome = await sender.SendAsync(fact, ct);
                log.LogInformation("Notification {Type} {FactKey} of goal {GoalId}: {Outcome}", fact.Type, fact.FactKey, fact.GoalId, outcome);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is AmazonServiceException or AmazonClientException or HttpRequestException)
            {
                // The table refused the notification item right after it took the read models (the SDK retried
                // already). Failing the batch would not help: the retry projects nothing new, so nothing would
                // observe this fact again. Logged with its body so an operator can resend it (docs/adr/0005).
                log.LogError(e, "Notification {Type} {FactKey} of goal {GoalId} (user {UserId}) could not be recorded and is not sent: {Body}",
                    fact.Type, fact.FactKey, fact.GoalId, fact.UserId, fact.Message().Body);
            }
        }

        await sweeper.SweepIfDueAsync(ct);
    }
}
