using System.Globalization;
using Xunit;

namespace Lifestyle.TestSupport;

/// <summary>
/// The SNS/SQS emulator fauxqs (npm, installed into .tools/fauxqs by ./test.sh) on a free loopback port. It answers
/// the SNS query API and the SQS JSON protocol on that one port and delivers topic messages to subscribed queues.
/// </summary>
public sealed class FauxqsFixture : IAsyncLifetime
{
    private LocalProcess? process;

    public int Port { get; } = LocalProcess.FreePort();

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>.tools/fauxqs/node_modules/.bin/fauxqs, or LIFESTYLE_FAUXQS_BIN.</summary>
    public static string Binary =>
        Environment.GetEnvironmentVariable("LIFESTYLE_FAUXQS_BIN") is { Length: > 0 } bin
            ? bin
            : Path.Combine(RepoPaths.Root, ".tools", "fauxqs", "node_modules", ".bin", "fauxqs");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"fauxqs not found at {Binary}: run ./test.sh (it installs it).");
        }

        // env(1) sets the emulator's variables and execs it, so killing this process stops the emulator.
        process = new LocalProcess("env",
            [$"FAUXQS_PORT={Port.ToString(CultureInfo.InvariantCulture)}", "FAUXQS_LOGGER=false", "FAUXQS_HOST=localhost", Binary],
            Path.GetTempPath());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"{ServiceUrl}/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException("fauxqs did not start:\n" + process.Output);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Sends a signal (STOP, CONT, KILL) to this emulator only.</summary>
    public void Signal(string name) => (process ?? throw new InvalidOperationException("Not started.")).Signal(name);

    public Task DisposeAsync()
    {
        process?.Dispose();
        return Task.CompletedTask;
    }
}
