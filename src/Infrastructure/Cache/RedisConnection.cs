using Lifestyle.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Lifestyle.Infrastructure.Cache;

/// <summary>
/// One multiplexer per process (pipelined). It connects in the background and reconnects by itself,
/// so a Redis outage only turns cache calls into misses; every call is bounded by <see cref="RedisOptions.TimeoutMs"/>.
/// After a failed call the process skips Redis for <see cref="SkipAfterFailure"/>, so a hung
/// Redis costs a request at most one timeout and the projector none while skipped.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    public static readonly TimeSpan SkipAfterFailure = TimeSpan.FromSeconds(5);

    private readonly Lazy<ConnectionMultiplexer?> multiplexer;
    private readonly ILogger<RedisConnection> log;
    private long skipUntil;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> log)
    {
        Options = options.Value;
        this.log = log;
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
    public IDatabase? Database => !Skipping && multiplexer.Value is { IsConnected: true } m ? m.GetDatabase() : null;

    /// <summary>The multiplexer (connecting on first use), or null when the cache is off.</summary>
    public ConnectionMultiplexer? Multiplexer => multiplexer.Value;

    /// <summary>True for <see cref="SkipAfterFailure"/> after a call timed out or failed: Redis is not asked at all.</summary>
    public bool Skipping => Environment.TickCount64 < Volatile.Read(ref skipUntil);

    /// <summary>Records a failed call (a timeout, a dropped connection): Redis is skipped for the next 5 s.</summary>
    public void Failed(Exception error)
    {
        var wasSkipping = Skipping;
        Volatile.Write(ref skipUntil, Environment.TickCount64 + (long)SkipAfterFailure.TotalMilliseconds);
        if (!wasSkipping)
        {
            log.LogWarning("Redis call failed ({Error}); skipping Redis for {Seconds} s", error.Message, SkipAfterFailure.TotalSeconds);
        }
    }

    /// <summary>
    /// Runs one cache call within its limit (<see cref="RedisOptions.TimeoutMs"/>, or what is left of the
    /// request's <see cref="RedisBudget"/>). Throws <see cref="CacheUnavailableException"/> when Redis is
    /// off, skipped, not connected, failing or too slow; a call that used its full limit starts the skip.
    /// <paramref name="command"/> names its span (e.g. <c>HMGET</c>).
    /// </summary>
    public async Task<T> CallAsync<T>(string command, Func<IDatabase, Task<T>> call)
    {
        var db = Database ?? throw new CacheUnavailableException("Redis is not connected or skipped.");
        var perCall = TimeSpan.FromMilliseconds(Options.TimeoutMs);
        var limit = RedisBudget.Limit(perCall);
        if (limit <= TimeSpan.Zero)
        {
            throw new CacheUnavailableException("The request's Redis budget is spent.");
        }

        using var span = RedisSpan.Start(command);
        try
        {
            return await call(db).WaitAsync(limit);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LifestyleTelemetry.Failed(span, e);
            if (e is TimeoutException or RedisTimeoutException)
            {
                LifestyleTelemetry.DependencyTimedOut("redis");
            }

            if (limit == perCall || e is not TimeoutException)
            {
                Failed(e);
            }

            throw new CacheUnavailableException(e.Message, e);
        }
    }

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
