using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Notifications;

public static class NotificationServices
{
    /// <summary>
    /// The SNS publisher (section <c>Sns</c>), the notification items, the projector's observer and the sweeper. The background sweep (<see cref="NotificationSweepService"/>) is added by the local consumer.
    /// </summary>
    public static IServiceCollection AddLifestyleNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SnsOptions>(configuration.GetSection(SnsOptions.Section));
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.TryAddSingleton(sp => SnsPublisher.Create(
            sp.GetRequiredService<IOptions<SnsOptions>>().Value,
            sp.GetRequiredService<IOptions<DynamoOptions>>().Value.Region,
            sp.GetService<ILogger<SnsPublisher>>()));
        services.TryAddSingleton<NotificationStore>();
        services.TryAddSingleton<NotificationOutbox>();
        services.TryAddSingleton<NotificationSender>();
        services.TryAddSingleton<NotificationSweeper>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProjectionObserver, NotificationObserver>());
        return services;
    }
}
