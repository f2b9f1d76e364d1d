using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Infrastructure.Mediation;

public static class MediationServices
{
    /// <summary>
    /// MediatR 5 wired with ServiceFactory = IServiceProvider.GetService, plus the validation
    /// behaviour; the only MediatR whose dependencies the package source serves (docs/adr/0003).
    /// </summary>
    public static IServiceCollection AddMediatorCore(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(IMediator)))
        {
            services.AddTransient<ServiceFactory>(sp => t => sp.GetService(t)!);
            services.AddTransient<IMediator, Mediator>();
            services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        }

        return services;
    }

    /// <summary>
    /// Registers every concrete IRequestHandler&lt;,&gt; and IValidator&lt;&gt; of the assembly (no DI package for
    /// FluentValidation here) as singletons: they are stateless, and a validator builds its rules in its
    /// constructor, which per request cost a log command about 6% of the API's CPU (docs/performance.md).
    /// </summary>
    public static IServiceCollection AddHandlersAndValidators(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        var open = new[] { typeof(IRequestHandler<,>), typeof(IValidator<>) };
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && open.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddSingleton(contract, type);
            }
        }

        return services;
    }
}
