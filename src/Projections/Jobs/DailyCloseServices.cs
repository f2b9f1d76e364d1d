using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lifestyle.Projections.Jobs;

public static class DailyCloseServices
{
    /// <summary>The daily close over the active-goal index; it needs the notification services.</summary>
    public static IServiceCollection AddLifestyleDailyClose(this IServiceCollection services)
    {
        services.TryAddSingleton<ActiveGoalIndex>();
        services.TryAddSingleton<DailyCloseJob>();
        services.AddLifestyleInsights();
        return services;
    }
}
