using System.Diagnostics;
using System.Globalization;
using Lifestyle.Infrastructure.Cache;
using Xunit;

namespace Lifestyle.TestSupport;

/// <summary>
/// Debian's redis-server listening only with TLS (<c>--tls-port</c>, as ElastiCache with in-transit encryption) on a
/// free loopback port, with a self-signed certificate for <c>localhost</c> made by openssl in a temporary folder.
/// </summary>
public sealed class TlsRedisFixture : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("lifestyle-redis-tls-").FullName;
    private LocalProcess? process;

    public int Port { get; } = LocalProcess.FreePort();

    public string CertificatePath => Path.Combine(folder, "redis.crt");

    /// <summary>How the app reaches this server: TLS, the certificate's name and the certificate as the trusted issuer.</summary>
    public RedisOptions Options() => new()
    {
        Configuration = $"127.0.0.1:{Port}",
        Ssl = true,
        SslHost = "localhost",
        CaCertificatePath = CertificatePath,
    };

    public async Task InitializeAsync()
    {
        var key = Path.Combine(folder, "redis.key");
        await OpenSslAsync("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", CertificatePath);
        process = await RedisFixture.StartServerAsync(Port,
        [
            "--port", "0", "--tls-port", Port.ToString(CultureInfo.InvariantCulture),
            "--tls-cert-file", CertificatePath, "--tls-key-file", key, "--tls-auth-clients", "no",
        ]);
    }

    public Task DisposeAsync()
    {
        process?.Dispose();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task OpenSslAsync(params string[] args)
    {
        var info = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var openssl = Process.Start(info) ?? throw new InvalidOperationException("openssl did not start.");
        var errors = openssl.StandardError.ReadToEndAsync();
        await openssl.StandardOutput.ReadToEndAsync();
        await openssl.WaitForExitAsync();
        if (openssl.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {args[0]} failed ({openssl.ExitCode}):\n{await errors}");
        }
    }
}
