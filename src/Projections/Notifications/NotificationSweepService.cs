using Lifestyle.Infrastructure.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

/// <summary>In the long-running local projector: sweeps pending notifications every <c>Notifications:SweepSeconds</c>.</summary>
public sealed class NotificationSweepService(
    NotificationSweeper sweeper, IOptions<SnsOptions> sns, IOptions<NotificationOptions> options, ILogger<NotificationSweepService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sns.Value.IsEnabled)
        {
            log.LogInformation("Notifications are off (no Sns:ServiceUrl or Sns:TopicArn)");
            return;
        }

        sweeper.SweepsInBackground = true;
        await BackgroundLoop.RunAsync(
            "Sweep of pending notifications", TimeSpan.FromSeconds(options.Value.SweepSeconds), sweeper.SweepAsync, log, stoppingToken);
    }
}
