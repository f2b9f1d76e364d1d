using System.Net;
using System.Text;

namespace Lifestyle.Projections.Tests.Fixtures;

/// <summary>An SNS stand-in for the adapter's own tests: each call first runs <paramref name="before"/> (its 1-based number), then answers Publish OK.</summary>
public sealed class ScriptedSns(Func<int, Task> before) : HttpMessageHandler
{
    private int calls;

    public int Calls => calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref calls);
        await before(n).WaitAsync(cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(CannedSns.PublishOk, Encoding.UTF8, "text/xml") };
    }
}
