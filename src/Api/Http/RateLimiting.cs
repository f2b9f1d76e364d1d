using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Lifestyle.Api.Http;

/// <summary>Configuration section <c>RateLimit</c> (docs/product-rules.md §5): a token bucket per user.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    public bool Enabled { get; set; } = true;

    public int PermitsPerSecond { get; set; } = 50;

    public int Burst { get; set; } = 100;
}

/// <summary>
/// Per-user token buckets (the token's <c>sub</c>; anonymous requests by client address), in
/// process; <c>/health/*</c> is exempt. Runs after authentication, before routes and bodies.
/// </summary>
public static class RateLimiting
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public static IServiceCollection AddLifestyleRateLimiter(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        services.AddRateLimiter(r =>
        {
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => Partition(ctx, options));
            r.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext ctx, RateLimitOptions options)
    {
        if (!options.Enabled || ctx.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("exempt");
        }

        var key = ctx.User.FindFirst("sub")?.Value is { } sub ? "user:" + sub : "ip:" + ctx.Connection.RemoteIpAddress;
        var perTick = Math.Max(1, (int)Math.Round(options.PermitsPerSecond * Tick.TotalSeconds));
        var period = perTick == 1 ? TimeSpan.FromSeconds(1.0 / Math.Max(1, options.PermitsPerSecond)) : Tick;
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.Burst),
            TokensPerPeriod = perTick,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var ctx = rejected.HttpContext;
        ctx.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.WriteAsync(ctx, Problems.Create(429, "rate-limited", "Too many requests.",
            $"This user's request rate is over its limit; retry in {seconds} s."));
    }
}
