namespace Lifestyle.Infrastructure.Cache;

/// <summary>
/// The time one request may spend on Redis in all (250 ms): it starts with the request's first
/// cache call and is shared by every call the request makes, in sequence or in parallel. Outside a
/// budget scope (the projector, the tools) each call has only its own timeout.
/// </summary>
public static class RedisBudget
{
    private static readonly AsyncLocal<Window?> Current = new();

    /// <summary>Starts a budget for the work that flows from here (an HTTP request).</summary>
    public static Scope Begin(TimeSpan total)
    {
        var previous = Current.Value;
        Current.Value = new Window(total);
        return new Scope(previous);
    }

    /// <summary>How long the next call may take: its own limit, or less when the request's budget is nearly spent.</summary>
    public static TimeSpan Limit(TimeSpan perCall) => Current.Value is { } window ? window.Remaining(perCall) : perCall;

    public readonly struct Scope(Window? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    public sealed class Window(TimeSpan total)
    {
        private long deadline;

        public TimeSpan Remaining(TimeSpan perCall)
        {
            var now = Environment.TickCount64;
            Interlocked.CompareExchange(ref deadline, now + (long)total.TotalMilliseconds, 0);
            var left = TimeSpan.FromMilliseconds(Math.Max(0, Interlocked.Read(ref deadline) - now));
            return left < perCall ? left : perCall;
        }
    }
}
