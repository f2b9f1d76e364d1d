using System.Net;
using System.Net.Sockets;
using Lifestyle.TestSupport;
using Xunit;

namespace Lifestyle.Commands.Tests;

/// <summary>
/// The fixtures' port picks: a CI run lost a test collection when DynamoDB Local found its port taken (by a port picked
/// twice, or by an outgoing connection's ephemeral port) in the second before the JVM bound it.
/// </summary>
public sealed class FreePortTests
{
    [Fact]
    public void Ports_are_never_handed_out_twice_in_one_process()
    {
        var ports = Enumerable.Range(0, 2_000).Select(_ => LocalProcess.FreePort()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void Ports_lie_below_the_ephemeral_range_that_outgoing_connections_use()
    {
        var low = EphemeralLow();

        Assert.All(Enumerable.Range(0, 200).Select(_ => LocalProcess.FreePort()), p => Assert.InRange(p, 1024, low - 1));
    }

    [Fact]
    public void A_port_is_bindable_on_every_address_when_handed_out()
    {
        var port = LocalProcess.FreePort();

        using var listener = new TcpListener(IPAddress.Any, port);
        listener.Start();
        Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }

    private static int EphemeralLow()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) ? int.Parse(File.ReadAllText(range).Split('\t', ' ')[0], System.Globalization.CultureInfo.InvariantCulture) : 32_768;
    }
}
