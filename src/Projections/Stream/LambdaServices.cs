using Lifestyle.Infrastructure;
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
    public static IServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(console => console.SingleLine = true));
        services.AddLifestyleStorage(configuration);
        services.AddLifestyleProjections(configuration);
        return services.BuildServiceProvider();
    }
}
