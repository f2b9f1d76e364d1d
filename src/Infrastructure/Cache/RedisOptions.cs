namespace Lifestyle.Infrastructure.Cache;

/// <summary>Configuration section <c>Redis</c>; without a configuration the cache is off (reads use the table).</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Seed 004: progress (goal views) 1 h.</summary>
    public TimeSpan GoalTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Seed 004: goal lists 5 min.</summary>
    public TimeSpan GoalListTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one cache operation may take before it is abandoned (the cache must never slow a request much).</summary>
    public int TimeoutMs { get; set; } = 250;
}
