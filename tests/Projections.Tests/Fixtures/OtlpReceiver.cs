using System.Collections.Concurrent;
using System.Net;
using Lifestyle.TestSupport;

namespace Lifestyle.Projections.Tests.Fixtures;

/// <summary>A stand-in OTLP/HTTP collector on a free loopback port: keeps what is posted to it, answers 200.</summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener listener = new();

    public OtlpReceiver()
    {
        Url = $"http://127.0.0.1:{LocalProcess.FreePort()}";
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
