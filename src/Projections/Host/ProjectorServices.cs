using Lifestyle.Projections.Jobs;
using Lifestyle.Projections.Notifications;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Stream;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Projections;

public static class ProjectorServices
{
    /// <summary>
    /// Every job of the projector process: the projection core, the notifications it records and sends, and the
    /// daily close. The stream transports, the Lambda functions and the operator tool all start from this.
    /// </summary>
    public static IServiceCollection AddLifestyleProjector(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddLifestyleProjections(configuration)
            .AddLifestyleNotifications(configuration)
            .AddLifestyleDailyClose();

    /// <summary>
    /// The long-running projector process (<c>consume</c>): the local stream consumer and its background work — the
    /// cache repair, the notification sweep and the publish loop. Needs <see cref="AddLifestyleProjector"/>.
    /// </summary>
    public static IServiceCollection AddLocalProjectorProcess(
        this IServiceCollection services, IConfiguration configuration, Action<StreamConsumerOptions>? configure = null)
    {
        services.AddLocalStreamConsumer(configuration, configure);
        services.AddHostedService<CacheRepairService>();
        services.AddHostedService<NotificationSweepService>();
        services.AddHostedService<NotificationPublishService>();
        return services;
    }
}
