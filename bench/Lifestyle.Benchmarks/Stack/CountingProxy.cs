using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lifestyle.Benchmarks.Stack;

/// <summary>
/// A loopback TCP relay in front of DynamoDB Local that counts the requests passing through it by their
/// <c>X-Amz-Target</c> header (DynamoDB_20120810.Query, DynamoDBStreams_20120810.GetRecords, …). Bytes are
/// relayed unchanged in both directions; the client-to-server bytes are only scanned for the header (HTTP/1.1
/// on loopback, one header per request), so the relay adds one loopback hop and no parsing of bodies.
/// </summary>
public sealed class CountingProxy : IDisposable
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("X-Amz-Target: ");
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint target;
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();

    public CountingProxy(string name, Uri upstream)
    {
        Name = name;
        target = new IPEndPoint(IPAddress.Loopback, upstream.Port);
        listener.Start(512);
        Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        _ = Task.Run(AcceptAsync);
    }

    public string Name { get; }

    /// <summary>The endpoint to give a client instead of DynamoDB Local's.</summary>
    public string Url { get; }

    /// <summary>Requests seen so far, by operation (the part of X-Amz-Target after the dot).</summary>
    public StoreCounts Snapshot() => new(counts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var _ = client;
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(target, stop.Token);
            var up = PumpAsync(client, server, count: true);
            var down = PumpAsync(server, client, count: false);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool count)
    {
        var buffer = new byte[64 * 1024];
        var carry = new byte[256];
        var carried = 0;
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, stop.Token);
                if (n == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (count)
                {
                    carried = Scan(buffer.AsSpan(0, n), carry, carried);
                }

                for (var sent = 0; sent < n;)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, n - sent), SocketFlags.None, stop.Token);
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            to.Close();
        }
    }

    /// <summary>Counts every complete header in carry + chunk; returns how many bytes to carry into the next chunk.</summary>
    private int Scan(ReadOnlySpan<byte> chunk, byte[] carry, int carried)
    {
        var scratch = carried == 0 ? chunk : [.. carry.AsSpan(0, carried), .. chunk];
        var at = 0;
        while (true)
        {
            var found = scratch[at..].IndexOf(Header);
            if (found < 0)
            {
                // Keep what could be the start of a header split across two reads.
                var keep = Math.Min(Header.Length - 1, scratch.Length - at);
                scratch[^keep..].CopyTo(carry);
                return keep;
            }

            var start = at + found + Header.Length;
            var end = scratch[start..].IndexOf("\r\n"u8);
            if (end < 0)
            {
                var rest = scratch[(at + found)..];
                if (rest.Length > carry.Length)
                {
                    return 0; // not a header we understand
                }

                rest.CopyTo(carry);
                return rest.Length;
            }

            var value = Encoding.ASCII.GetString(scratch.Slice(start, end));
            var operation = value[(value.IndexOf('.', StringComparison.Ordinal) + 1)..];
            counts.AddOrUpdate(operation, 1, (_, c) => c + 1);
            at = start + end + 2;
        }
    }
}
