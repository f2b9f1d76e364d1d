using Lifestyle.Commands.Users.Erasure;
using Lifestyle.Infrastructure.Erasure;
using Lifestyle.Infrastructure.Resilience;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lifestyle.Commands.Users.EraseUser;

/// <summary>
/// Starts the erasure (or finds the one under way) and works on it for up to <see cref="ErasureOptions.InlineBudgetMs"/>:
/// a small account is gone when the answer leaves; a large one, or one a dependency fails, continues in the background.
/// </summary>
public sealed class EraseUserHandler(
    ErasureLedger ledger, UserErasure erasure, ErasureQueue queue, IOptions<ErasureOptions> options, ILogger<EraseUserHandler> log)
    : IRequestHandler<EraseUserCommand, EraseUserResult>
{
    public async Task<EraseUserResult> Handle(EraseUserCommand c, CancellationToken cancellationToken)
    {
        var (job, started) = await ledger.StartAsync(c.UserId, cancellationToken);
        if (!started)
        {
            return new EraseUserResult(job.ErasureId, ErasureItems.Pending);
        }

        try
        {
            // Not the request's token: a client that goes away must not leave the erasure half done in this process.
            if (await erasure.RunAsync(job, TimeSpan.FromMilliseconds(options.Value.InlineBudgetMs), CancellationToken.None))
            {
                return new EraseUserResult(job.ErasureId, ErasureItems.Done);
            }
        }
        catch (Exception e) when (DependencyFailures.IsTransient(e, CancellationToken.None))
        {
            log.LogWarning("Erasure {ErasureId} failed in the request ({Error}); the background worker retries it", job.ErasureId, e.Message);
        }

        queue.Enqueue(job);
        return new EraseUserResult(job.ErasureId, ErasureItems.Pending);
    }
}
