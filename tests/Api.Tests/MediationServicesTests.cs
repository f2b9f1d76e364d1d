using FluentValidation;
using Lifestyle.Commands;
using Lifestyle.Commands.Common;
using Lifestyle.Commands.Goals.CreateGoal;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>The validator scan (FluentValidation's) and the handler scan (ours, for MediatR 5) register singletons.</summary>
public sealed class MediationServicesTests
{
    [Fact]
    public void Validators_and_handlers_are_singletons_resolved_once()
    {
        var services = new ServiceCollection().AddLifestyleCommands();

        Assert.All(
            services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() is var g
                && (g == typeof(IValidator<>) || g == typeof(IRequestHandler<,>))),
            d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        Assert.Single(services, d => d.ServiceType == typeof(IValidator<CreateGoalCommand>));
        Assert.Single(services, d => d.ServiceType == typeof(IValidator<CommandMetadata>));
        Assert.Contains(services, d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IRequestHandler<,>));
        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<IValidator<CreateGoalCommand>>(), provider.GetRequiredService<IValidator<CreateGoalCommand>>());
    }
}
