using Lifestyle.Infrastructure;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Projections.Projection.Sources;
using Lifestyle.Projections.Stream;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Projections.Projection;

public static class ProjectionServices
{
    /// <summary>The projection core: what both stream transports and the replay tool use (the host adds notifications and jobs).</summary>
    public static IServiceCollection AddLifestyleProjections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLifestyleStorage(configuration);
        services.AddLifestyleCache(configuration);
        services.AddSingleton<ReadModelWriter>();
        services.AddSingleton<ErasureGuard>();
        services.AddSingleton<StoredProjections>();
        services.AddSingleton<IProjectionSource>(sp => new KeptProjections(
            new CarriedEvents(sp.GetRequiredService<StoredProjections>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<GoalProjector>();
        services.AddSingleton<CacheWriter>();
        services.AddSingleton<CacheRepairMarks>();
        services.AddSingleton<ProjectionFailures>();
        services.AddSingleton<ReadModelVersions>();
        services.AddSingleton<ProjectorMetrics>();
        services.AddSingleton<GoalChangeHandler>();
        services.AddSingleton<IChangeBatchHandler>(sp => sp.GetRequiredService<GoalChangeHandler>());
        return services;
    }
}
