using Lifestyle.Infrastructure;
using Lifestyle.Infrastructure.Telemetry;
using Lifestyle.Projections;
using Lifestyle.Projections.Projection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lifestyle.Projections.Stream;

/// <summary>
/// The Lambda function's services: configuration from the function's environment variables (the same
/// names as locally, e.g. <c>DynamoDb__TableName</c>, <c>Redis__Configuration</c>), logs to stdout (CloudWatch).
/// </summary>
public static class LambdaServices
{
    /// <param name="extra">What a function adds to the projector's services (e.g. the erasure job's).</param>
    public static IServiceProvider Build(Action<IServiceCollection>? extra = null) => Build(new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build(), extra);

    /// <summary>The services over <paramref name="configuration"/>; with OTLP configured, the telemetry SDK too (see <see cref="TelemetryServices.Start"/>).</summary>
    public static IServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(console => console.SingleLine = true));
        services.AddLifestyleStorage(configuration);
        services.AddLifestyleProjector(configuration);
        services.AddLifestyleTelemetry(configuration, "lifestyle-projector");
        extra?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
