using Microsoft.Extensions.Logging;

namespace Lifestyle.Commands.Users.Erasure;

/// <summary>What one run over the pending erasures did.</summary>
public sealed record PendingErasuresResult(int Pending, int Done, int LeftPending, long ItemsSoFar);

/// <summary>
/// Runs every pending erasure from its pending record, within one budget shared by all: the erasure job in AWS
/// (a scheduled Lambda, so an account too large for its request is finished without an API process staying up) and
/// the API's worker at start. One that the budget does not finish stays pending, with its progress, for the next run.
/// </summary>
public sealed class PendingErasures(ErasureLedger ledger, UserErasure erasure, TimeProvider time, ILogger<PendingErasures> log)
{
    public async Task<PendingErasuresResult> RunAsync(TimeSpan budget, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + budget;
        var pending = await ledger.PendingAsync(ct);
        var (done, left, items) = (0, 0, 0L);
        foreach (var listed in pending)
        {
            var remaining = deadline - time.GetUtcNow();
            // Where the last run left it: its count and goal ids are on the pending record, not in the listed copy.
            var job = remaining > TimeSpan.Zero ? await ledger.ReloadAsync(listed, ct) : listed;
            if (job is null || (remaining > TimeSpan.Zero && await erasure.RunAsync(job, remaining, ct)))
            {
                done++;
                continue;
            }

            left++;
            items += (await ledger.ReloadAsync(job, ct))?.ItemsSoFar ?? 0;
        }

        log.LogInformation("Pending erasures: {Pending} found, {Done} done, {Left} left pending", pending.Count, done, left);
        return new(pending.Count, done, left, items);
    }
}
