using System.Globalization;
using Amazon.DynamoDBv2;
using Lifestyle.Api.Auth;
using Lifestyle.Infrastructure.Dynamo;
using StackExchange.Redis;

namespace Lifestyle.Benchmarks.Stack;

/// <summary>
/// The system under test, on loopback only: either started here (DynamoDB Local in memory, Redis, the
/// API and the projector as child processes, configured as ./run.sh configures them) or the one
/// ./run.sh is running (<c>--attach</c>).
/// </summary>
public sealed partial class BenchStack : IAsyncDisposable
{
    private readonly List<ChildProcess> children = [];

    private BenchStack(string root, string configuration, bool attached)
    {
        Root = root;
        Configuration = configuration;
        Attached = attached;
        LogDir = Path.Combine(root, ".run", "bench");
        Directory.CreateDirectory(LogDir);
        Http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 1024,
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        })
        { Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Root { get; }

    /// <summary>Release or Debug: the API and projector binaries of the same configuration as this tool.</summary>
    public string Configuration { get; }

    public bool Attached { get; }

    public string LogDir { get; }

    public string DynamoUrl { get; private set; } = "";

    public string Table { get; private set; } = "";

    public string RedisConfiguration { get; private set; } = "";

    /// <summary>The SNS/SQS emulator (fauxqs) the projector publishes notifications to; null when it is not installed.</summary>
    public string? SnsUrl { get; private set; }

    public Uri Api { get; private set; } = null!;

    public HttpClient Http { get; }

    public IAmazonDynamoDB Dynamo { get; private set; } = null!;

    public ConnectionMultiplexer Redis { get; private set; } = null!;

    public AuthOptions Auth { get; private set; } = null!;

    public ProcessWatch Watch { get; } = new();

    /// <summary>The bench's own client options: through the bench's counting proxy when there is one (the same hop the API and projector pay).</summary>
    public DynamoOptions DynamoOptions(string? table = null) => new() { ServiceUrl = BenchStoreUrl, TableName = table ?? Table };

    /// <summary>The API build to run; <c>BENCH_API_BIN</c> points at another build's output folder (to compare two builds).</summary>
    private string ApiBin => Environment.GetEnvironmentVariable("BENCH_API_BIN") is { Length: > 0 } dir
        ? dir : Path.Combine(Root, "src", "Api", "bin", Configuration, "net10.0");

    /// <summary>The projector build to run; <c>BENCH_PROJECTOR_BIN</c> overrides it like <c>BENCH_API_BIN</c>.</summary>
    private string ProjectorBin => Environment.GetEnvironmentVariable("BENCH_PROJECTOR_BIN") is { Length: > 0 } dir
        ? dir : Path.Combine(Root, "src", "Projections", "Host", "bin", Configuration, "net10.0");

    public static async Task<BenchStack> StartAsync()
    {
        var stack = new BenchStack(FindRoot(), OwnConfiguration(), attached: false);
        try
        {
            await stack.StartServicesAsync();
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public static async Task<BenchStack> AttachAsync()
    {
        var stack = new BenchStack(FindRoot(), OwnConfiguration(), attached: true);
        var apiPort = EnvPort("LIFESTYLE_API_PORT", 5080);
        stack.DynamoUrl = $"http://127.0.0.1:{EnvPort("LIFESTYLE_DYNAMODB_PORT", 8000)}";
        stack.Table = Environment.GetEnvironmentVariable("LIFESTYLE_TABLE") is { Length: > 0 } t ? t : "lifestyle";
        stack.RedisConfiguration = $"127.0.0.1:{EnvPort("LIFESTYLE_REDIS_PORT", 6379)}";
        stack.Api = new Uri($"http://127.0.0.1:{apiPort}");
        stack.Auth = LoadAuth(stack.ApiBin);
        stack.Dynamo = DynamoClientFactory.Create(stack.DynamoOptions());
        if (!await stack.IsLiveAsync(stack.Api))
        {
            await stack.DisposeAsync();
            throw new InvalidOperationException($"no API answers at {stack.Api} (start ./run.sh, or run without --attach to start a stack)");
        }

        await stack.Dynamo.DescribeTableAsync(stack.Table);
        stack.Redis = await ConnectRedisAsync(stack.RedisConfiguration);
        foreach (var pid in Machine.FindProcesses("Lifestyle.Api.dll", $"127.0.0.1:{apiPort}").Take(1))
        {
            stack.Watch.Track("api", pid);
        }

        foreach (var pid in Machine.FindProcesses("Lifestyle.Projections.dll", "consume").Take(1))
        {
            stack.Watch.Track("projector", pid);
        }

        foreach (var pid in Machine.FindProcesses("DynamoDBLocal.jar", $"-port {EnvPort("LIFESTYLE_DYNAMODB_PORT", 8000)}").Take(1))
        {
            stack.Watch.Track("dynamodb", pid);
        }

        foreach (var pid in Machine.FindProcesses("redis-server", $":{EnvPort("LIFESTYLE_REDIS_PORT", 6379)}").Take(1))
        {
            stack.Watch.Track("redis", pid);
        }

        return stack;
    }

    /// <summary>
    /// Another API process on the same table, without Redis (so every read is served from the table's
    /// read models), on a free port. Dispose it when done.
    /// </summary>
    public async Task<(ChildProcess Process, Uri Url)> StartTableOnlyApiAsync()
    {
        var port = ChildProcess.FreePort();
        var api = StartApi("api-table", port, withRedis: false);
        var url = new Uri($"http://127.0.0.1:{port}");
        await WaitLiveAsync(url, api);
        Watch.Track("api-table", api.Id);
        return (api, url);
    }

    public async ValueTask DisposeAsync()
    {
        Watch.Dispose();
        DisposeProxies();
        Redis?.Dispose();
        Dynamo?.Dispose();
        Http.Dispose();
        foreach (var child in Enumerable.Reverse(children))
        {
            child.Dispose();
        }

        await Task.CompletedTask;
    }

    private ChildProcess StartApi(string name, int port, bool withRedis)
    {
        var child = new ChildProcess(name, "dotnet",
            [Path.Combine(ApiBin, "Lifestyle.Api.dll"), "--contentRoot", ApiBin, "--urls", $"http://127.0.0.1:{port}"],
            ApiBin, Path.Combine(LogDir, name + ".log"), WithExtra(ChildEnvironment(withRedis, ApiStoreUrl), "BENCH_API_ENV"));
        children.Add(child);
        return child;
    }

    /// <summary>Adds the <c>NAME=value</c> pairs (separated by spaces) of <paramref name="variable"/>, to compare runtime settings.</summary>
    private static Dictionary<string, string?> WithExtra(Dictionary<string, string?> env, string variable)
    {
        foreach (var pair in (Environment.GetEnvironmentVariable(variable) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            env[at > 0 ? pair[..at] : pair] = at > 0 ? pair[(at + 1)..] : "";
        }

        return env;
    }

    /// <summary>The variables ./run.sh exports for the API and the projector.</summary>
    private Dictionary<string, string?> ChildEnvironment(bool withRedis, string storeUrl) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DynamoDb__ServiceUrl"] = storeUrl,
        ["DynamoDb__TableName"] = Table,
        ["DynamoDb__CreateTableIfMissing"] = Attached ? "false" : "true",
        ["Redis__Configuration"] = withRedis ? RedisConfiguration : null,
        ["Sns__ServiceUrl"] = SnsUrl,
        ["Sns__TopicName"] = SnsUrl is null ? null : TopicName,
        ["RateLimit__Enabled"] = RateLimitEnabled ? "true" : "false",
    };

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
