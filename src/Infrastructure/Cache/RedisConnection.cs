using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Lifestyle.Infrastructure.Cache;

/// <summary>
/// One multiplexer per process (StackExchange.Redis 1.2.6, pipelined). It connects in the
/// background and reconnects by itself, so a Redis outage only turns cache calls into misses.
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

            var config = ConfigurationOptions.Parse(Options.Configuration);
            config.AbortOnConnectFail = false;
            config.ConnectTimeout = Math.Max(Options.TimeoutMs, 1000);
            config.SyncTimeout = Options.TimeoutMs;
            config.ConnectRetry = 1;
            log.LogInformation("Redis cache at {Configuration}", Options.Configuration);
            return ConnectionMultiplexer.Connect(config);
        });
    }

    public RedisOptions Options { get; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Options.Configuration);

    /// <summary>The database, or null when the cache is off or Redis is not connected right now.</summary>
    public IDatabase? Database => multiplexer.Value is { IsConnected: true } m ? m.GetDatabase() : null;

    public void Dispose()
    {
        if (multiplexer.IsValueCreated)
        {
            multiplexer.Value?.Dispose();
        }
    }
}
