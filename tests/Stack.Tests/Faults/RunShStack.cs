using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.TestSupport;
using Xunit;

namespace Lifestyle.Stack.Tests.Faults;

/// <summary>
/// <c>./run.sh</c> itself on free ports with its own run directory: the real processes (DynamoDB Local
/// on disk, redis-server, fauxqs, the API, the projector) under its supervisors. Faults are signals to
/// the PIDs in its pid files — processes this test started, never any other.
/// </summary>
public sealed class RunShStack : IAsyncLifetime
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(150);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();
    private Process? runSh;

    public string RunDir { get; } = Directory.CreateTempSubdirectory("lifestyle-faults-").FullName;

    public int ApiPort { get; } = LocalProcess.FreePort();

    public Dictionary<string, string> Environment { get; } = new()
    {
        ["LIFESTYLE_DYNAMODB_PORT"] = Invariant(LocalProcess.FreePort()),
        ["LIFESTYLE_REDIS_PORT"] = Invariant(LocalProcess.FreePort()),
        ["LIFESTYLE_SNS_PORT"] = Invariant(LocalProcess.FreePort()),
        ["LIFESTYLE_TABLE"] = "lifestyle-faults",
        ["LIFESTYLE_NO_BUILD"] = "1", // ./test.sh built the solution
        ["Auth__SigningKey"] = "fault-suite-signing-key-0123456789abcdef0123456789",
        ["RateLimit__Enabled"] = "false",
        // A fact a killed projector had leased goes out once its lease ends (90 s by default).
        ["Notifications__LeaseSeconds"] = "20",
    };

    public Uri Api => new($"http://127.0.0.1:{ApiPort}");

    public string Table => Environment["LIFESTYLE_TABLE"];

    public IAmazonDynamoDB Dynamo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "run.sh")])
        {
            WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["LIFESTYLE_API_PORT"] = Invariant(ApiPort);
        info.Environment["LIFESTYLE_RUN_DIR"] = RunDir;
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        runSh = Process.Start(info) ?? throw new InvalidOperationException("could not start ./run.sh");
        runSh.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        runSh.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        runSh.BeginOutputReadLine();
        runSh.BeginErrorReadLine();
        Dynamo = DynamoClientFactory.Create(new DynamoOptions
        {
            ServiceUrl = $"http://127.0.0.1:{Environment["LIFESTYLE_DYNAMODB_PORT"]}", TableName = Table, TimeoutMs = 5000, MaxErrorRetry = 3,
        });
        using var probe = new HttpClient { BaseAddress = Api, Timeout = TimeSpan.FromSeconds(2) };
        await WaitUntilAsync(async () => File.Exists(PidFile("projector")) && await ReadyAsync(probe), StartBound, "the stack to be ready");
    }

    public async Task DisposeAsync()
    {
        if (runSh is { HasExited: false })
        {
            Signal("TERM", runSh.Id);
            if (!runSh.WaitForExit(60_000))
            {
                runSh.Kill(entireProcessTree: true);
            }
        }

        runSh?.Dispose();
        Dynamo?.Dispose();
        await Task.Yield();
        try
        {
            Directory.Delete(RunDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The running PID of a component (dynamodb, redis, sns, api, projector).</summary>
    public int Pid(string name) => int.Parse(File.ReadAllText(PidFile(name)).Trim(), CultureInfo.InvariantCulture);

    public void Signal(string name, string signal) => Signal(signal, Pid(name));

    /// <summary>An HTTP client with a dev token for the user (Development's <c>POST /dev/token</c>).</summary>
    public async Task<HttpClient> ClientForAsync(string userId)
    {
        var client = new HttpClient { BaseAddress = Api, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.PostAsJsonAsync("/dev/token", new { userId });
        response.EnsureSuccessStatusCode();
        var token = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs <c>./lifestyle</c>'s verb as an operator would, with the stack's LIFESTYLE_* variables.</summary>
    public async Task<(int Code, string Output)> ToolAsync(params string[] args)
    {
        var dll = Path.Combine(RepoPaths.Root, "src/Projections/Host/bin/Release/net10.0/Lifestyle.Projections.dll");
        var info = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        using var tool = Process.Start(info)!;
        var stdout = tool.StandardOutput.ReadToEndAsync();
        var stderr = tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();
        return (tool.ExitCode, await stdout + await stderr);
    }

    public string Tail(string file) =>
        File.Exists(Path.Combine(RunDir, file)) ? string.Join('\n', File.ReadLines(Path.Combine(RunDir, file)).TakeLast(15)) : "(none)";

    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan bound, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.False(runSh!.HasExited, $"./run.sh exited while waiting for {what}:\n{string.Join('\n', output.TakeLast(30))}");
            Assert.True(deadline.Elapsed < bound, $"waited {bound} for {what}; ./run.sh:\n{string.Join('\n', output.TakeLast(30))}");
            await Task.Delay(200);
        }
    }

    public static async Task<bool> ReadyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private string PidFile(string name) => Path.Combine(RunDir, name + ".pid");

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, Invariant(pid)]);
        kill.WaitForExit(5_000);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
