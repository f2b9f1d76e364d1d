using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Commands.Users.Erasure;

public static class ErasureServices
{
    /// <summary>The erasure and its background worker (which resumes pending erasures when the process starts).</summary>
    public static IServiceCollection AddLifestyleErasure(this IServiceCollection services)
    {
        services.AddSingleton<ErasureLedger>();
        services.AddSingleton<BatchDeleter>();
        services.AddSingleton<PartitionEraser>();
        services.AddSingleton<OutsideItemsEraser>();
        services.AddSingleton<UserErasure>();
        services.AddSingleton<ErasureQueue>();
        services.AddHostedService<ErasureWorker>();
        return services;
    }
}
