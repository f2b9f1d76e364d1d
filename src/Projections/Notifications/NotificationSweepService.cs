using Amazon.Runtime;
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
        var interval = TimeSpan.FromSeconds(options.Value.SweepSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested
                && e is AmazonServiceException or AmazonClientException or HttpRequestException)
            {
                log.LogWarning("Sweep of pending notifications failed: {Error}", e.Message);
            }
        }
    }
}
