namespace Lifestyle.Commands.Users.Erasure;

/// <summary>
/// Spreads deletes to <see cref="Infrastructure.Erasure.ErasureOptions.ItemsPerSecond"/> in this process, so an erasure
/// stays under a partition's write limit (1,000 WCU/s in AWS, docs/capacity.md §5) instead of having most of its
/// batches come back unprocessed and exhaust their resends. Off (no wait) when the rate is 0.
/// </summary>
public sealed class DeletePacing(int itemsPerSecond, TimeProvider time)
{
    private readonly Lock gate = new();
    private long next;

    /// <summary>How long a call of <paramref name="items"/> deletes waits for its slot; reserves the slot.</summary>
    public TimeSpan Reserve(int items)
    {
        if (itemsPerSecond <= 0)
        {
            return TimeSpan.Zero;
        }

        var now = time.GetTimestamp();
        var cost = (long)(items * (double)time.TimestampFrequency / itemsPerSecond);
        lock (gate)
        {
            var slot = Math.Max(now, next);
            next = slot + cost;
            return TimeSpan.FromSeconds((slot - now) / (double)time.TimestampFrequency);
        }
    }

    public async Task WaitAsync(int items, CancellationToken ct)
    {
        if (Reserve(items) is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }
    }
}
