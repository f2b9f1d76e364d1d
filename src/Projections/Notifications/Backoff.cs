using System.Security.Cryptography;

namespace Lifestyle.Projections.Notifications;

/// <summary>Exponential backoff with jitter: base, 2×base, 4×base, … (each ×0.5–1.5), capped.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan max)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        var jittered = exponential * RandomNumberGenerator.GetInt32(50, 151) / 100.0;
        return TimeSpan.FromMilliseconds(Math.Min(jittered, max.TotalMilliseconds));
    }
}
