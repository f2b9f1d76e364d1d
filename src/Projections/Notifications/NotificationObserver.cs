using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

/// <summary>
/// Turns each live projection pass into notifications (<see cref="ProjectionFacts"/>), recorded just before the
/// pass writes its read models. Replays call no observers, so they notify nobody; a stream record delivered
/// again after the read models were written projects nothing new.
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

        // Recorded before the pass writes its read models: if the table refuses a notification item, the
        // pass fails and its redelivery folds the same facts again (each item is written once per fact).
        foreach (var fact in ProjectionFacts.Of(result))
        {
            var outcome = await sender.SendAsync(fact, ct);
            log.LogInformation("Notification {Type} {FactKey} of goal {GoalId}: {Outcome}", fact.Type, fact.FactKey, fact.GoalId, outcome);
        }

        await sweeper.SweepIfDueAsync(ct);
    }
}
