using System.Diagnostics;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Xunit.Abstractions;

namespace Lifestyle.Projections.Tests;

/// <summary>Our RedisConnection and GoalCache against real redis-servers: over TLS, and hung (docs/product-rules.md §8a: every call bounded).</summary>
public sealed class RedisConnectionTests(TlsRedisFixture tls, RedisFixture plain, ITestOutputHelper output)
    : IClassFixture<TlsRedisFixture>, IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Writes_and_reads_a_goal_over_tls_checking_the_certificate_against_the_configured_issuer()
    {
        using var redis = Connect(tls.Options());
        var cache = new GoalCache(redis);
        var (user, goal) = Ids();

        Assert.True(await cache.SetIfNewerAsync(ReadModelKeys.Live, user, goal, new CachedGoal(3, """{"v":3}""")));
        Assert.False(await cache.SetIfNewerAsync(ReadModelKeys.Live, user, goal, new CachedGoal(2, """{"v":2}""")));

        Assert.Equal(new CachedGoal(3, """{"v":3}"""), await cache.GetAsync(ReadModelKeys.Live, user, goal));
    }

    [Fact]
    public async Task Refuses_a_server_whose_certificate_no_trusted_issuer_signed()
    {
        var untrusted = tls.Options();
        untrusted.CaCertificatePath = null;
        using var redis = new RedisConnection(Microsoft.Extensions.Options.Options.Create(untrusted), NullLogger<RedisConnection>.Instance);

        await Task.Delay(TimeSpan.FromMilliseconds(untrusted.ConnectTimeoutMs));

        Assert.Null(redis.Database);
        Assert.Null(await new GoalCache(redis).GetAsync(ReadModelKeys.Live, "u1", Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public void Tls_settings_from_options_and_from_the_configuration_string_both_turn_tls_on()
    {
        var fromOptions = RedisConnection.Configure(tls.Options());
        var fromString = RedisConnection.Configure(new RedisOptions { Configuration = "cache.example:6379,ssl=true" });

        Assert.Equal((true, "localhost"), (fromOptions.Ssl, fromOptions.SslHost));
        Assert.True(fromString.Ssl);
        Assert.Equal((250, 250, 1000), (fromString.SyncTimeout, fromString.AsyncTimeout, fromString.ConnectTimeout));
    }

    [Fact]
    public async Task A_hung_redis_costs_a_read_or_a_write_at_most_about_the_timeout()
    {
        using var redis = Connect(new RedisOptions { Configuration = plain.Configuration });
        var cache = new GoalCache(redis);
        var (user, goal) = Ids();
        await cache.SetIfNewerAsync(ReadModelKeys.Live, user, goal, new CachedGoal(1, "{}"));

        plain.Hang(true);
        try
        {
            var clock = Stopwatch.StartNew();
            Assert.Null(await cache.GetAsync(ReadModelKeys.Live, user, goal));
            var read = clock.Elapsed;
            clock.Restart();
            // The read's timeout started the 5 s skip: the write is refused at once, without asking Redis.
            var refused = await Assert.ThrowsAsync<CacheUnavailableException>(() => cache.SetIfNewerAsync(ReadModelKeys.Live, user, goal, new CachedGoal(2, "{}")));
            Assert.True(redis.Skipping, refused.Message);
            var write = clock.Elapsed;
            output.WriteLine($"hung redis: GetAsync {read.TotalMilliseconds:0} ms, SetIfNewerAsync {write.TotalMilliseconds:0} ms");

            // TimeoutMs 250 plus at most one 50 ms heartbeat, with room for a busy machine; the default 1 s heartbeat took about 900 ms.
            Assert.True(read < TimeSpan.FromMilliseconds(750), $"read took {read.TotalMilliseconds:0} ms");
            Assert.True(write < TimeSpan.FromMilliseconds(750), $"write took {write.TotalMilliseconds:0} ms");
        }
        finally
        {
            plain.Hang(false);
        }
    }

    private static RedisConnection Connect(RedisOptions options)
    {
        var redis = new RedisConnection(Microsoft.Extensions.Options.Options.Create(options), NullLogger<RedisConnection>.Instance);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (redis.Database is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "Redis did not connect within 10 s.");
            Thread.Sleep(50);
        }

        return redis;
    }

    private static (string User, string Goal) Ids() => ("u" + Guid.NewGuid().ToString("N")[..12], Guid.NewGuid().ToString("N"));
}
