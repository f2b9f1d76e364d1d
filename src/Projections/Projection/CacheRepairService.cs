using Lifestyle.Infrastructure.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Projection;

/// <summary>In the long-running projector: copies goals Redis missed while it was down or hung (this process's marks and, every 30 s, older ones in the table) once it answers again.</summary>
public sealed class CacheRepairService(CacheWriter cache, ILogger<CacheRepairService> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BackgroundLoop.RunAsync("Cache repair", TimeSpan.FromSeconds(1), cache.RepairAsync, log, stoppingToken);
}
