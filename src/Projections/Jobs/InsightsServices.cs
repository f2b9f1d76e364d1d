using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lifestyle.Projections.Jobs;

public static class InsightsServices
{
    /// <summary>The insights part of the daily close, and its replay and verify.</summary>
    public static IServiceCollection AddLifestyleInsights(this IServiceCollection services)
    {
        services.TryAddSingleton<GoalHeadWalk>();
        services.TryAddSingleton<InsightsStore>();
        services.TryAddSingleton<InsightsClose>();
        services.TryAddSingleton<InsightsVerifier>();
        return services;
    }
}
