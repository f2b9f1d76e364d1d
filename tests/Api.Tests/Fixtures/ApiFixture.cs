using System.Net.Http.Headers;
using Lifestyle.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Api.Tests.Fixtures;

/// <summary>The API in-process (TestServer) against a real DynamoDB Local; one per test collection.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? factory;

    public DynamoDbLocalFixture Dynamo { get; } = new();

    public WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        await Dynamo.InitializeAsync();
        factory = NewInstance();
    }

    /// <summary>Another API process on the same table (the caller disposes it), as a second Lambda instance would be.</summary>
    /// <remarks>The rate limit is off unless <paramref name="settings"/> turn it on (RateLimitTests do).</remarks>
    public WebApplicationFactory<Program> NewInstance(IReadOnlyDictionary<string, string>? settings = null)
    {
        var instance = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("DynamoDb:ServiceUrl", Dynamo.ServiceUrl);
            b.UseSetting("DynamoDb:TableName", Dynamo.TableName);
            b.UseSetting("DynamoDb:CreateTableIfMissing", "false");
            b.UseSetting("RateLimit:Enabled", "false");
            // Contention tests (dozens of concurrent appends to one goal) run with every other test assembly on
            // two cores; the 5 s deadline and the 2 s store attempt are pinned by Stack.Tests' DynamoHangTests, not here.
            b.UseSetting("Api:RequestDeadlineSeconds", "30");
            b.UseSetting("DynamoDb:TimeoutMs", "10000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }
        });
        _ = instance.Server;
        return instance;
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Dynamo.DisposeAsync();
    }

    /// <summary>A fresh user id for each test keeps tests independent on a shared table.</summary>
    public static string NewUserId() => "u-" + Guid.NewGuid().ToString("N")[..20];

    public HttpClient ClientFor(string userId, WebApplicationFactory<Program>? instance = null)
    {
        var client = (instance ?? Factory).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId));
        return client;
    }

    public HttpClient AnonymousClient() => Factory.CreateClient();

    public string TokenFor(string userId) =>
        DevTokens.Create(Factory.Services.GetRequiredService<AuthOptions>(), userId, TimeSpan.FromHours(1));
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
