namespace Lifestyle.Infrastructure.Cache;

/// <summary>Configuration section <c>Redis</c>; without a configuration the cache is off (reads use the table).</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or <c>host:6379,ssl=true</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Seed 004: progress (goal views) 1 h.</summary>
    public TimeSpan GoalTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Seed 004: goal lists 5 min.</summary>
    public TimeSpan GoalListTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one cache operation (sync or async) may take before it is abandoned (the cache must never slow a request much).</summary>
    public int TimeoutMs { get; set; } = 250;

    /// <summary>How long one connection attempt (TCP and TLS handshake) may take.</summary>
    public int ConnectTimeoutMs { get; set; } = 1000;

    /// <summary>TLS, as ElastiCache in-transit encryption needs (the same as <c>ssl=true</c> in <see cref="Configuration"/>).</summary>
    public bool Ssl { get; set; }

    /// <summary>The name the server's certificate must carry, when it is not the host connected to.</summary>
    public string? SslHost { get; set; }

    /// <summary>A PEM certificate to trust as the issuer of the server's (e.g. a test's self-signed one); the system's CAs otherwise.</summary>
    public string? CaCertificatePath { get; set; }
}
