using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Lifestyle.Projections.Projection;

/// <summary>
/// Group commit for the projector's transactions: passes that write at the same time share one TransactWriteItems (at
/// most <see cref="MaxItems"/> puts and about <see cref="MaxUnits"/> KiB), with at most <see cref="MaxInFlight"/>
/// requests out at once; a pass that arrives while they are out joins the next one. A shared request that fails in any
/// way is sent again pass by pass, so a refused gate, a bad item or a timeout settles each pass exactly as if it had
/// written alone. Store requests per event, not items, bound DynamoDB Local's CPU (docs/adr/0013-projection-group-commit.md).
/// </summary>
public sealed class TransactionGroups(IAmazonDynamoDB db)
{
    public const int MaxItems = 100;

    /// <summary>Well under the 4 MB a TransactWriteItems request may carry.</summary>
    public const int MaxUnits = 3_000;

    public const int MaxInFlight = 4;

    private readonly Lock sync = new();
    private readonly Queue<Member> waiting = new();
    private int inFlight;

    /// <summary>Writes <paramref name="puts"/> (at most <see cref="MaxItems"/>) in one transaction; false when a condition refused it.</summary>
    public Task<bool> WriteAsync(IReadOnlyList<TransactWriteItem> puts, int units, CancellationToken ct)
    {
        var member = new Member(puts, units, ct);
        bool lead;
        lock (sync)
        {
            waiting.Enqueue(member);
            lead = inFlight < MaxInFlight;
            if (lead)
            {
                inFlight++;
            }
        }

        if (lead)
        {
            _ = Task.Run(SendWhileWaitingAsync, CancellationToken.None);
        }

        return member.Done.Task.WaitAsync(ct);
    }

    private async Task SendWhileWaitingAsync()
    {
        while (Take() is { Count: > 0 } group)
        {
            if (group.Count == 1)
            {
                await SendAloneAsync(group[0]);
                continue;
            }

            bool shared;
            try
            {
                // Bounded by the client's own timeout and retries: no single pass's token may cancel the others' writes.
                await db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [.. group.SelectMany(m => m.Puts)] }, CancellationToken.None);
                shared = true;
            }
            catch (Exception)
            {
                // Whatever went wrong is found out pass by pass, just below: each gets its own outcome.
                shared = false;
            }

            if (shared)
            {
                group.ForEach(m => m.Done.TrySetResult(true));
            }
            else
            {
                await Task.WhenAll(group.Select(SendAloneAsync));
            }
        }
    }

    private List<Member> Take()
    {
        lock (sync)
        {
            var group = new List<Member>();
            var (items, units) = (0, 0);
            while (waiting.TryPeek(out var next)
                && (group.Count == 0 || (items + next.Puts.Count <= MaxItems && units + next.Units <= MaxUnits)))
            {
                waiting.Dequeue();
                if (next.Ct.IsCancellationRequested)
                {
                    next.Done.TrySetCanceled(next.Ct);
                    continue;
                }

                group.Add(next);
                (items, units) = (items + next.Puts.Count, units + next.Units);
            }

            if (group.Count == 0)
            {
                inFlight--;
            }

            return group;
        }
    }

    private async Task SendAloneAsync(Member m)
    {
        try
        {
            await db.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [.. m.Puts] }, m.Ct);
            m.Done.TrySetResult(true);
        }
        catch (TransactionCanceledException)
        {
            m.Done.TrySetResult(false);
        }
        catch (Exception e)
        {
            // Handed to the pass, which fails and is retried as before: this runs off the pass's own call.
            m.Done.TrySetException(e);
        }
    }

    private sealed class Member(IReadOnlyList<TransactWriteItem> puts, int units, CancellationToken ct)
    {
        public IReadOnlyList<TransactWriteItem> Puts { get; } = puts;

        public int Units { get; } = units;

        public CancellationToken Ct { get; } = ct;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
