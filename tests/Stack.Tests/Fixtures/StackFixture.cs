using System.Net;
using System.Net.Http.Headers;
using Lifestyle.Api.Auth;
using Lifestyle.Infrastructure.Telemetry;
using Lifestyle.Projections;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Stream;
using Lifestyle.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Lifestyle.Stack.Tests.Fixtures;

/// <summary>
/// The whole local system in one test process: DynamoDB Local (with streams) and Redis as real
/// processes, the API in-process, and the projector (local stream consumer) as a hosted service.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    private WebApplicationFactory<Lifestyle.Api.ApiEntryPoint>? api;

    public DynamoDbLocalFixture Dynamo { get; } = new();

    public RedisFixture Redis { get; } = new();

    public IHost Projector { get; private set; } = null!;

    public IServiceProvider Services => Projector.Services;

    public WebApplicationFactory<Lifestyle.Api.ApiEntryPoint> Api => api ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Added to <see cref="Settings"/> (set before initialization), e.g. the SNS endpoint of a notification stack.</summary>
    public IReadOnlyDictionary<string, string?> ExtraSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Runs on the services of both the API and the projector (set before initialization), e.g. telemetry exporters.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Serve the API with Kestrel on a free loopback port (<see cref="ServerAddress"/>), e.g. for a browser.</summary>
    public bool RealServer { get; init; }

    public Uri ServerAddress { get; private set; } = null!;

    public Dictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DynamoDb:ServiceUrl"] = Dynamo.ServiceUrl,
        ["DynamoDb:TableName"] = Dynamo.TableName,
        ["DynamoDb:CreateTableIfMissing"] = "false",
        ["Redis:Configuration"] = Redis.Configuration,
        ["ReadModels:RefreshSeconds"] = "0.5",
        ["StreamConsumer:PollInterval"] = "00:00:00.050",
        ["RateLimit:Enabled"] = "false",
    }.Concat(ExtraSettings).ToDictionary();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Dynamo.InitializeAsync(), Redis.InitializeAsync());
        api = new WebApplicationFactory<Lifestyle.Api.ApiEntryPoint>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            foreach (var (key, value) in Settings)
            {
                b.UseSetting(key, value);
            }

            if (ConfigureServices is { } configure)
            {
                b.ConfigureTestServices(configure);
            }
        });
        if (RealServer)
        {
            ServerAddress = StartOnFreePort(api);
        }
        else
        {
            _ = api.Server;
        }

        Projector = BuildProjector(Settings, ConfigureServices);
        await Projector.StartAsync();
    }

    /// <summary>Starts the API of <paramref name="factory"/> with Kestrel on a free loopback port; returns its address.</summary>
    public static Uri StartOnFreePort(WebApplicationFactory<Lifestyle.Api.ApiEntryPoint> factory)
    {
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A projector host like <c>consume</c> runs, against this stack.</summary>
    public static IHost BuildProjector(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddLifestyleProjector(builder.Configuration);
        builder.Services.AddLocalProjectorProcess(builder.Configuration);
        builder.Services.AddLifestyleTelemetry(builder.Configuration, "lifestyle-projector");
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    public async Task DisposeAsync()
    {
        await Projector.StopAsync();
        Projector.Dispose();
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        await Redis.DisposeAsync();
        await Dynamo.DisposeAsync();
    }

    public static string NewUserId() => "u-" + Guid.NewGuid().ToString("N")[..20];

    public HttpClient ClientFor(string userId)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevTokens.Create(Api.Services.GetRequiredService<AuthOptions>(), userId, TimeSpan.FromHours(1)));
        return client;
    }

    public GoalChangeHandler Handler => Services.GetRequiredService<GoalChangeHandler>();

    public ProjectorMetrics Metrics => Services.GetRequiredService<ProjectorMetrics>();
}

[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "stack";
}
