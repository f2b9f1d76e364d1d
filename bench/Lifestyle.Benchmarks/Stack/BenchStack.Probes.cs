using System.Globalization;
using Lifestyle.Api.Auth;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Lifestyle.Benchmarks.Stack;

/// <summary>Waiting for the stack's processes, and reading what the API and this tool are configured with.</summary>
public sealed partial class BenchStack
{
    /// <summary>
    /// The API's per-user rate limit (docs/product-rules.md §5) in the stack this benchmark starts: off unless
    /// <c>BENCH_RATE_LIMIT=on</c>, since a few benchmark users send far more than 50 requests/s each.
    /// </summary>
    public static bool RateLimitEnabled => Environment.GetEnvironmentVariable("BENCH_RATE_LIMIT") == "on";

    private async Task WaitForDynamoAsync(ChildProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await Dynamo.ListTablesAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task WaitLiveAsync(Uri api, ChildProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await IsLiveAsync(api))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{process.Name} did not start (log {process.LogFile}):\n" + process.Tail());
            }

            await Task.Delay(200);
        }
    }

    private async Task<bool> IsLiveAsync(Uri api)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(api, "/health/live"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<ConnectionMultiplexer> ConnectRedisAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.SyncTimeout = 5000;
        options.AllowAdmin = true; // CONFIG GET/SET of keyspace notifications (lag phase), SCAN (clean-up)
        var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!redis.IsConnected)
        {
            if (DateTime.UtcNow > deadline)
            {
                redis.Dispose();
                throw new InvalidOperationException($"Redis at {configuration} did not answer");
            }

            await Task.Delay(100);
        }

        return redis;
    }

    /// <summary>The API's own auth settings (appsettings.json, appsettings.Development.json, Auth__* variables), as dev-token reads them.</summary>
    private static AuthOptions LoadAuth(string apiBin)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(apiBin, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(apiBin, "appsettings.Development.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        return auth.SigningKey is { Length: >= 32 }
            ? auth
            : throw new InvalidOperationException("no Auth:SigningKey (the API's development key) found for dev tokens");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lifestyle.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Lifestyle.sln not found above " + AppContext.BaseDirectory);
    }

    private static string OwnConfiguration() =>
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    private static int EnvPort(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : fallback;
}
