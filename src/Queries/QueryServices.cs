using Lifestyle.Infrastructure;
using Lifestyle.Infrastructure.Mediation;
using Lifestyle.Queries.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Queries;

public static class QueryServices
{
    public static IServiceCollection AddLifestyleQueries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediatorCore();
        services.AddHandlersAndValidators(typeof(QueryServices).Assembly);
        services.AddLifestyleCache(configuration);
        services.AddSingleton<LiveReadModel>();
        services.AddSingleton<GoalIdIndex>();
        services.AddSingleton<ReadModelReader>();
        services.AddSingleton<Insights.InsightsReader>();
        services.AddSingleton<ParkedGoals>();
        services.AddSingleton<ActivityIndexReader>();
        services.AddSingleton<Cursors>();
        return services;
    }
}
