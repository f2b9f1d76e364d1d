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
        services.AddSingleton<GoalEventStore>();
        services.AddSingleton<RecentGoalHeads>();
        services.AddSingleton<IdempotencyRecords>();
        services.AddSingleton<GoalCommandExecutor>();
        return services;
    }
}
