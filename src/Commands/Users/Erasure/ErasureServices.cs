using Lifestyle.Commands.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lifestyle.Commands.Users.Erasure;

public static class ErasureServices
{
    /// <summary>The erasure and its background worker (which resumes pending erasures when the process starts).</summary>
    public static IServiceCollection AddLifestyleErasure(this IServiceCollection services)
    {
        services.AddLifestyleErasureJob();
        services.AddSingleton<ErasureQueue>();
        services.AddHostedService<ErasureWorker>();
        return services;
    }

    /// <summary>The erasure without a worker: what the scheduled erasure job runs (<see cref="PendingErasures"/>).</summary>
    public static IServiceCollection AddLifestyleErasureJob(this IServiceCollection services)
    {
        services.TryAddSingleton<RecentGoalHeads>();
        services.TryAddSingleton<ErasureLedger>();
        services.TryAddSingleton<BatchDeleter>();
        services.TryAddSingleton<PartitionEraser>();
        services.TryAddSingleton<OutsideItemsEraser>();
        services.TryAddSingleton<UserErasure>();
        services.TryAddSingleton<PendingErasures>();
        return services;
    }
}
