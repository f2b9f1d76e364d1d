using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Lifestyle.Infrastructure.Cache;

/// <summary>
/// Connects and exercises the client once at start-up: a process's first call also pays for the
/// connection and the JIT, which could exceed the 250 ms call bound and make a healthy Redis look hung.
/// </summary>
public sealed class RedisWarmUp(RedisConnection redis, ILogger<RedisWarmUp> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!redis.Enabled)
        {
            return;
        }

        try
        {
            if (redis.Multiplexer is { IsConnected: true } m)
            {
                var db = m.GetDatabase();
                await db.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                await db.ScriptEvaluateAsync("return redis.call('HGET', KEYS[1], 'version')", ["lifestyle:warm-up"]).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning("Redis warm-up failed ({Error}); the cache stays optional", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
