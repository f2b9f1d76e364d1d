using System.Globalization;
using Amazon.DynamoDBv2;
using Lifestyle.Api.Auth;
using Lifestyle.Infrastructure.Dynamo;
using Microsoft.Extensions.Configuration;
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

    private async Task StartServicesAsync()
    {
        var dynamoDir = Environment.GetEnvironmentVariable("LIFESTYLE_DYNAMODB_LOCAL_DIR") is { Length: > 0 } d
            ? d : Path.Combine(Root, ".tools", "dynamodb-local");
        if (!File.Exists(Path.Combine(dynamoDir, "DynamoDBLocal.jar")))
        {
            throw new InvalidOperationException($"DynamoDB Local not found in {dynamoDir}: run bench/run.sh (it fetches it).");
        }

        foreach (var (bin, dll) in new[] { (ApiBin, "Lifestyle.Api.dll"), (ProjectorBin, "Lifestyle.Projections.dll") })
        {
            if (!File.Exists(Path.Combine(bin, dll)))
            {
                throw new InvalidOperationException($"{Path.Combine(bin, dll)} is missing: run bench/run.sh (it builds it).");
            }
        }

        var dynamoPort = ChildProcess.FreePort();
        var redisPort = ChildProcess.FreePort();
        DynamoUrl = $"http://127.0.0.1:{dynamoPort}";
        Table = "lifestyle-bench";
        RedisConfiguration = $"127.0.0.1:{redisPort}";
        Auth = LoadAuth(ApiBin);
        children.Add(new ChildProcess("dynamodb", "java",
            ["-Djava.library.path=DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-inMemory", "-port", Invariant(dynamoPort)],
            dynamoDir, Path.Combine(LogDir, "dynamodb.log")));
        children.Add(new ChildProcess("redis", "redis-server",
            ["--port", Invariant(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            LogDir, Path.Combine(LogDir, "redis.log")));
        Watch.Track("dynamodb", children[0].Id);
        Watch.Track("redis", children[1].Id);
        StartProxies();
        Dynamo = DynamoClientFactory.Create(DynamoOptions());
        await WaitForDynamoAsync(children[0]);
        await TableSchema.EnsureAsync(Dynamo, Table);
        Redis = await ConnectRedisAsync(RedisConfiguration);
        await StartSnsAsync();

        var apiPort = ChildProcess.FreePort();
        Api = new Uri($"http://127.0.0.1:{apiPort}");
        var api = StartApi("api", apiPort, withRedis: true);
        await WaitLiveAsync(Api, api);
        Watch.Track("api", api.Id);

        await StartProjectorAsync();
    }

    /// <summary>fauxqs (bench/run.sh installs it, as ./run.sh does) and the notifications topic.</summary>
    private async Task StartSnsAsync()
    {
        if (Environment.GetEnvironmentVariable("LIFESTYLE_FAUXQS_BIN") is not { Length: > 0 } fauxqs || !File.Exists(fauxqs))
        {
            Console.Error.WriteLine("warning: fauxqs not found (LIFESTYLE_FAUXQS_BIN): the projector runs without notifications");
            return;
        }

        var port = ChildProcess.FreePort();
        var sns = new ChildProcess("sns", fauxqs, [], LogDir, Path.Combine(LogDir, "sns.log"),
            new Dictionary<string, string?> { ["FAUXQS_PORT"] = Invariant(port) });
        children.Add(sns);
        Watch.Track("sns", sns.Id);
        SnsUrl = $"http://127.0.0.1:{port}";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "CreateTopic", ["Name"] = TopicName });
                using var response = await Http.PostAsync(new Uri(SnsUrl + "/"), content);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !sns.HasExited)
            {
            }

            if (DateTime.UtcNow > deadline || sns.HasExited)
            {
                throw new InvalidOperationException("the SNS emulator (fauxqs) did not start:\n" + sns.Tail());
            }

            await Task.Delay(200);
        }
    }

    private static string TopicName => Environment.GetEnvironmentVariable("LIFESTYLE_SNS_TOPIC") is { Length: > 0 } t ? t : "lifestyle-notifications";

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

    /// <summary>
    /// The API's per-user rate limit (spec §5) in the stack this benchmark starts: off unless
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

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
