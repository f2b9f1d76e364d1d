using System.Globalization;
using System.Net.Sockets;
using Xunit;

namespace Lifestyle.TestSupport;

/// <summary>A real redis-server (Debian's) on a free loopback port; it can be stopped and restarted on the same port.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private LocalProcess? process;

    public int Port { get; } = LocalProcess.FreePort();

    public string Configuration => $"127.0.0.1:{Port}";

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync() =>
        process = await StartServerAsync(Port, ["--port", Port.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Debian's redis-server on loopback with the given listening arguments, once it accepts TCP connections on <paramref name="port"/>.</summary>
    public static async Task<LocalProcess> StartServerAsync(int port, IEnumerable<string> listen)
    {
        var server = new LocalProcess("redis-server",
            [.. listen, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            Path.GetTempPath());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await AcceptsAsync(port))
        {
            if (DateTime.UtcNow > deadline || server.HasExited)
            {
                var output = server.Output;
                server.Dispose();
                throw new InvalidOperationException("redis-server did not start (is it installed? ./test.sh installs it):\n" + output);
            }

            await Task.Delay(50);
        }

        return server;
    }

    /// <summary>Stops the server (its data is lost, as in a real restart).</summary>
    public void Stop()
    {
        process?.Dispose();
        process = null;
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>Pauses (SIGSTOP) or resumes (SIGCONT) the server: connections stay open, nothing answers.</summary>
    public void Hang(bool hung) => process!.Signal(hung ? "STOP" : "CONT");

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
