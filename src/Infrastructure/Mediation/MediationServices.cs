using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Infrastructure.Mediation;

public static class MediationServices
{
    /// <summary>
    /// MediatR 5 wired with ServiceFactory = IServiceProvider.GetService, plus the tracing and (inside it) the
    /// validation behaviour; the only MediatR whose dependencies the package source serves (docs/adr/0003).
    /// </summary>
    public static IServiceCollection AddMediatorCore(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(IMediator)))
        {
            services.AddTransient<ServiceFactory>(sp => t => sp.GetService(t)!);
            services.AddTransient<IMediator, Mediator>();
            services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(TracingBehavior<,>));
            services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        }

        return services;
    }

    /// <summary>
    /// Registers every concrete IRequestHandler&lt;,&gt; (by hand: MediatR 5 has no scan) and IValidator&lt;&gt;
    /// (FluentValidation's own scan) of the assembly as singletons: they are stateless, and a validator builds
    /// its rules in its constructor, which per request cost a log command about 6% of the API's CPU (docs/performance.md).
    /// </summary>
    public static IServiceCollection AddHandlersAndValidators(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddSingleton(contract, type);
            }
        }

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);
        return services;
    }
}
