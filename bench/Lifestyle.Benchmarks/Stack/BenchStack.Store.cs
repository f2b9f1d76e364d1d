using System.Runtime.InteropServices;

namespace Lifestyle.Benchmarks.Stack;

/// <summary>
/// The counting proxies between each client and DynamoDB Local (one for the API processes, one for the
/// projector, one for the bench's own raw baselines and in-process tools), and the projector's start and stop.
/// <c>BENCH_STORE_PROXY=off</c> connects everything straight to DynamoDB Local (no request counts).
/// </summary>
public sealed partial class BenchStack
{
    private ChildProcess? projector;

    /// <summary>Counts the API's requests (null: attached, or BENCH_STORE_PROXY=off).</summary>
    public CountingProxy? ApiStore { get; private set; }

    /// <summary>Counts the projector's requests, stream reads included.</summary>
    public CountingProxy? ProjectorStore { get; private set; }

    /// <summary>Counts the bench's own requests (raw baselines, replay and daily close run in this process).</summary>
    public CountingProxy? BenchStore { get; private set; }

    public static bool ProxyEnabled => Environment.GetEnvironmentVariable("BENCH_STORE_PROXY") != "off";

    /// <summary>Whether this run can stop and start the projector (not when attached to ./run.sh's stack).</summary>
    public bool OwnsProjector => !Attached;

    /// <summary>The endpoint the bench's own DynamoDB clients use.</summary>
    public string BenchStoreUrl => BenchStore?.Url ?? DynamoUrl;

    private string ApiStoreUrl => ApiStore?.Url ?? DynamoUrl;

    private string ProjectorStoreUrl => ProjectorStore?.Url ?? DynamoUrl;

    public bool ProjectorRunning => projector is { HasExited: false };

    /// <summary>The last lines of the running projector's log ("" when there is none).</summary>
    public string ProjectorLogTail(int lines) => projector?.Tail(lines) ?? "";

    /// <summary>Starts the projector (<c>consume</c>); it resumes at its checkpoints.</summary>
    public async Task StartProjectorAsync()
    {
        var child = new ChildProcess("projector", "dotnet",
            [Path.Combine(ProjectorBin, "Lifestyle.Projections.dll"), "consume"],
            Root, Path.Combine(LogDir, projector is null ? "projector.log" : "projector-restarted.log"),
            WithExtra(ChildEnvironment(withRedis: true, ProjectorStoreUrl), "BENCH_PROJECTOR_ENV"));
        children.Add(child);
        projector = child;
        Watch.Track("projector", child.Id);
        await Task.Delay(500);
        if (child.HasExited)
        {
            throw new InvalidOperationException("the projector exited at start:\n" + child.Tail());
        }
    }

    /// <summary>Stops the projector with SIGTERM (it checkpoints and ends), or kills it after 15 s.</summary>
    public async Task StopProjectorAsync()
    {
        if (projector is not { } child || child.HasExited)
        {
            return;
        }

        Watch.Final("projector");
        _ = Kill(child.Id, 15);
        for (var i = 0; i < 150 && !child.HasExited; i++)
        {
            await Task.Delay(100);
        }

        child.Dispose();
        children.Remove(child);
    }

    private void StartProxies()
    {
        if (!ProxyEnabled)
        {
            return;
        }

        var upstream = new Uri(DynamoUrl);
        ApiStore = new CountingProxy("api", upstream);
        ProjectorStore = new CountingProxy("projector", upstream);
        BenchStore = new CountingProxy("bench", upstream);
    }

    private void DisposeProxies()
    {
        ApiStore?.Dispose();
        ProjectorStore?.Dispose();
        BenchStore?.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
