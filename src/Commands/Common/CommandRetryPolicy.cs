using Lifestyle.Commands.EventStore;

namespace Lifestyle.Commands.Common;

/// <summary>How fresh each read of an attempt must be: the goal's head, and the user's open-goal count.</summary>
public sealed record Reads(Freshness Head, Freshness Quota)
{
    public static Reads Recent { get; } = new(Freshness.Recent, Freshness.Recent);
}

/// <summary>What one attempt of a command came to: an answer, or how to try again.</summary>
public sealed record Attempt(CommandResult? Result, Reads Next, bool Wait)
{
    public static Attempt Done(CommandResult result) => new(result, Reads.Recent, Wait: false);

    /// <summary>Redo at once with a consistent head: the attempt decided on a remembered head that may be stale.</summary>
    public static Attempt RereadHead(Reads reads) => new(null, reads with { Head = Freshness.Consistent }, Wait: false);

    /// <summary>Redo at once with the count read: the attempt assumed room under the quota, and the append refused.</summary>
    public static Attempt RecountQuota(Reads reads) => new(null, reads with { Quota = Freshness.Consistent }, Wait: false);

    /// <summary>Another writer got there first: back off a little, then redo with a consistent head.</summary>
    public static Attempt Conflict(Reads reads) => new(null, reads with { Head = Freshness.Consistent }, Wait: true);
}

/// <summary>
/// Retries are a policy, not a loop in each handler: the first attempt reads at <see cref="Freshness.Recent"/>,
/// each outcome says what to read afresh, conflicts back off with jitter, and after the last attempt the command
/// gives up (503; the client may retry).
/// </summary>
public sealed class CommandRetryPolicy(int maxAttempts = CommandRetryPolicy.MaxAttempts)
{
    public const int MaxAttempts = 60;

    public async Task<CommandResult> RunAsync(string goalId, Func<Reads, CancellationToken, Task<Attempt>> attempt, CancellationToken ct)
    {
        var reads = Reads.Recent;
        for (var n = 1; n <= maxAttempts; n++)
        {
            var outcome = await attempt(reads, ct);
            if (outcome.Result is { } result)
            {
                return result;
            }

            if (outcome.Wait)
            {
                await Task.Delay(Backoff(n), ct);
            }

            reads = outcome.Next;
        }

        throw new ConcurrencyExhaustedException(goalId, maxAttempts);
    }

    /// <summary>A few milliseconds, growing with the attempt up to about 65 ms, jittered so racers spread out.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 3));
}
