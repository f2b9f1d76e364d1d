using Lifestyle.Commands.Common;
using Lifestyle.Commands.EventStore;
using Lifestyle.Infrastructure.Mediation;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Commands;

public static class CommandServices
{
    public static IServiceCollection AddLifestyleCommands(this IServiceCollection services)
    {
        services.AddMediatorCore();
        services.AddHandlersAndValidators(typeof(CommandServices).Assembly);
        services.AddSingleton<RecentGoalHeads>();
        services.AddSingleton<IdempotencyRecords>();
        services.AddSingleton<DynamoGoalStore>();
        services.AddSingleton<IGoalStore>(sp =>
            new AssumedQuota(new CachedGoalHeads(sp.GetRequiredService<DynamoGoalStore>(), sp.GetRequiredService<RecentGoalHeads>())));
        services.AddSingleton(new CommandRetryPolicy());
        services.AddSingleton<GoalCommandService>();
        return services;
    }
}
