using System.Diagnostics;
using System.Globalization;
using Lifestyle.TestSupport;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>
/// docs/product-rules.md §8: ./run.sh itself, on free ports with its own run directory, supervises what it
/// started. After kill -9 of the API, the API is restarted (1 s backoff) and answers again, the restart is
/// logged and the log appended; SIGTERM then stops everything it started.
/// </summary>
public sealed class RunShSupervisionTests : IDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120); // DynamoDB Local's JVM on a busy 2-core machine
    private readonly string runDir = Directory.CreateTempSubdirectory("lifestyle-runsh-").FullName;
    private readonly int apiPort = LocalProcess.FreePort();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();
    private Process? runSh;

    [Fact]
    public async Task A_killed_API_is_restarted_and_answers_again_the_log_is_appended_and_SIGTERM_stops_all()
    {
        runSh = StartRunSh();
        await WaitUntilAsync(LiveAsync, StartBound, "the API to answer after ./run.sh started");
        var first = Pid("api");

        Kill("-9", first);
        var killed = Stopwatch.StartNew();
        await WaitUntilAsync(async () => File.Exists(PidFile("api")) && Pid("api") != first && await LiveAsync(), TimeSpan.FromSeconds(60), "the API to be restarted");
        var recovery = killed.Elapsed;

        var log = await File.ReadAllTextAsync(Path.Combine(runDir, "api.log"));
        Assert.Contains("api starting", log, StringComparison.Ordinal);
        Assert.Contains("api exited (code 137)", log, StringComparison.Ordinal);
        Assert.Contains("restarting in 1 s (restart 1)", log, StringComparison.Ordinal);
        Assert.True(log.IndexOf("api starting", StringComparison.Ordinal) < log.IndexOf("api restarting (restart 1)", StringComparison.Ordinal), log);
        Assert.True(recovery < TimeSpan.FromSeconds(45), $"recovery took {recovery}");
        var components = new[] { "dynamodb", "redis", "sns", "api", "projector" }.Select(Pid).ToList();

        Kill("-TERM", runSh.Id);
        Assert.True(runSh.WaitForExit(60_000), "./run.sh did not stop within 60 s of SIGTERM");
        Assert.All(components, pid => Assert.False(Alive(pid), $"process {pid} outlived ./run.sh"));
        Assert.False(await LiveAsync());
    }

    public void Dispose()
    {
        if (runSh is { HasExited: false })
        {
            runSh.Kill(entireProcessTree: true); // only after a failed assertion: the tree this test started
            runSh.WaitForExit(10_000);
        }

        runSh?.Dispose();
        http.Dispose();
        try
        {
            Directory.Delete(runDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Process StartRunSh()
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "run.sh")])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["LIFESTYLE_API_PORT"] = Invariant(apiPort);
        info.Environment["LIFESTYLE_DYNAMODB_PORT"] = Invariant(LocalProcess.FreePort());
        info.Environment["LIFESTYLE_REDIS_PORT"] = Invariant(LocalProcess.FreePort());
        info.Environment["LIFESTYLE_SNS_PORT"] = Invariant(LocalProcess.FreePort());
        info.Environment["LIFESTYLE_RUN_DIR"] = runDir;
        info.Environment["LIFESTYLE_NO_BUILD"] = "1"; // ./test.sh built the solution
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start ./run.sh");
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> LiveAsync()
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{apiPort}/health/live"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan bound, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (runSh!.HasExited)
            {
                Assert.Fail($"./run.sh exited (code {runSh.ExitCode}) while waiting for {what}:\n{Output}");
            }

            Assert.True(deadline.Elapsed < bound, $"waited {bound} for {what}; ./run.sh:\n{Output}\napi.log:\n{Tail("api.log")}");
            await Task.Delay(200);
        }
    }

    private string Output => string.Join('\n', output.TakeLast(30));

    private string PidFile(string name) => Path.Combine(runDir, name + ".pid");

    private int Pid(string name) => int.Parse(File.ReadAllText(PidFile(name)).Trim(), CultureInfo.InvariantCulture);

    private string Tail(string file) => File.Exists(Path.Combine(runDir, file)) ? string.Join('\n', File.ReadLines(Path.Combine(runDir, file)).TakeLast(20)) : "(none)";

    private static bool Alive(int pid) => Directory.Exists($"/proc/{pid}");

    private static void Kill(string signal, int pid)
    {
        using var kill = Process.Start("kill", [signal, Invariant(pid)]);
        kill.WaitForExit(5_000);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
