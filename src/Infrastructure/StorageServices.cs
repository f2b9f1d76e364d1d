using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Erasure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Lifestyle.Infrastructure;

public static class StorageServices
{
    public static IServiceCollection AddLifestyleStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DynamoOptions>(configuration.GetSection(DynamoOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonDynamoDB>(sp => DynamoClientFactory.Create(sp.GetRequiredService<IOptions<DynamoOptions>>().Value));
        services.Configure<ErasureOptions>(configuration.GetSection(ErasureOptions.Section));
        services.TryAddSingleton<UserIdHasher>();
        services.TryAddSingleton<ErasureRecords>();
        return services;
    }

    public static IServiceCollection AddLifestyleCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RedisOptions>(configuration.GetSection(RedisOptions.Section));
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<GoalCache>();
        services.TryAddSingleton<Insights.InsightCache>();
        services.AddHostedService<RedisWarmUp>();
        services.TryAddSingleton<UserCacheEraser>();
        return services;
    }
}
