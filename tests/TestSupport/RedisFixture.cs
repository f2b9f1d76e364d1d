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

    public async Task StartAsync()
    {
        process = new LocalProcess("redis-server",
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            Path.GetTempPath());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await AcceptsAsync())
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException("redis-server did not start (is it installed? ./test.sh installs it):\n" + process.Output);
            }

            await Task.Delay(50);
        }
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

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
