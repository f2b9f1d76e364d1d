using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Projection;

/// <summary>In the long-running projector: copies goals Redis missed while it was down or hung (this process's marks and, every 30 s, older ones in the table) once it answers again.</summary>
public sealed class CacheRepairService(CacheWriter cache, ILogger<CacheRepairService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stoppingToken.IsCancellationRequested)
            {
                continue;
            }

            try
            {
                await cache.RepairAsync(stoppingToken);
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
            {
                log.LogWarning("Cache repair deferred: {Error}", e.Message);
            }
        }
    }
}
