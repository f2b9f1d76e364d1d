using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Lifestyle.Infrastructure.Cache;

/// <summary>
/// One multiplexer per process (pipelined). It connects in the background and reconnects by itself,
/// so a Redis outage only turns cache calls into misses; every call is bounded by <see cref="RedisOptions.TimeoutMs"/>.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer?> multiplexer;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> log)
    {
        Options = options.Value;
        multiplexer = new Lazy<ConnectionMultiplexer?>(() =>
        {
            if (string.IsNullOrWhiteSpace(Options.Configuration))
            {
                return null;
            }

            var config = Configure(Options);
            log.LogInformation("Redis cache at {Endpoints} (TLS {Ssl})", string.Join(",", config.EndPoints), config.Ssl);
            return ConnectionMultiplexer.Connect(config);
        });
    }

    public RedisOptions Options { get; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Options.Configuration);

    /// <summary>The database, or null when the cache is off or Redis is not connected right now.</summary>
    public IDatabase? Database => multiplexer.Value is { IsConnected: true } m ? m.GetDatabase() : null;

    /// <summary>The client configuration: the configuration string, then the explicit timeouts and TLS settings.</summary>
    public static ConfigurationOptions Configure(RedisOptions options)
    {
        var config = ConfigurationOptions.Parse(options.Configuration!);
        config.AbortOnConnectFail = false;
        config.ConnectRetry = 1;
        config.ConnectTimeout = options.ConnectTimeoutMs;
        config.SyncTimeout = options.TimeoutMs;
        config.AsyncTimeout = options.TimeoutMs;
        // Async timeouts are only noticed on a heartbeat (1 s by default), which would stretch a 250 ms bound to 1.25 s.
        config.HeartbeatInterval = TimeSpan.FromMilliseconds(Math.Clamp(options.TimeoutMs / 5, 10, 1000));
        config.Ssl |= options.Ssl;
        if (!string.IsNullOrWhiteSpace(options.SslHost))
        {
            config.SslHost = options.SslHost;
        }

        if (!string.IsNullOrWhiteSpace(options.CaCertificatePath))
        {
            config.TrustIssuer(options.CaCertificatePath);
        }

        return config;
    }

    public void Dispose()
    {
        if (multiplexer.IsValueCreated)
        {
            multiplexer.Value?.Dispose();
        }
    }
}
