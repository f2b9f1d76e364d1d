using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Stream;

public static class StreamConsumerServices
{
    /// <summary>
    /// The local stream consumer as a hosted service, reading section <c>StreamConsumer</c>. Needs the storage
    /// services (<c>AddLifestyleStorage</c>) and an <see cref="IChangeBatchHandler"/> (<c>AddLifestyleProjections</c>).
    /// </summary>
    public static IServiceCollection AddLocalStreamConsumer(
        this IServiceCollection services, IConfiguration configuration, Action<StreamConsumerOptions>? configure = null)
    {
        var options = services.AddOptions<StreamConsumerOptions>().Bind(configuration.GetSection(StreamConsumerOptions.Section));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton(sp => DynamoStreamsClient.Create(sp.GetRequiredService<IOptions<DynamoOptions>>().Value));
        services.AddSingleton(sp => new LocalStreamConsumer(
            sp.GetRequiredService<IAmazonDynamoDB>(),
            sp.GetRequiredService<DynamoStreamsClient>(),
            sp.GetRequiredService<IChangeBatchHandler>(),
            sp.GetRequiredService<IOptions<DynamoOptions>>().Value,
            sp.GetRequiredService<IOptions<StreamConsumerOptions>>().Value,
            sp.GetRequiredService<ILogger<LocalStreamConsumer>>(),
            sp.GetService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<LocalStreamConsumer>());
        return services;
    }
}
