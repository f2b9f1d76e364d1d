using Lifestyle.Infrastructure.Mediation;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Queries;

public static class QueryServices
{
    public static IServiceCollection AddLifestyleQueries(this IServiceCollection services)
    {
        services.AddMediatorCore();
        services.AddHandlersAndValidators(typeof(QueryServices).Assembly);
        return services;
    }
}
