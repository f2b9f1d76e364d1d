using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Telemetry;

namespace Lifestyle.Api.Http;

/// <summary>
/// Bounds what a request may spend on its dependencies: Redis gets 250 ms in all
/// (<see cref="RedisBudget"/>), and a request that has not started its answer after
/// <c>Api:RequestDeadlineSeconds</c> (5) is cancelled and answers <c>503 service-unavailable</c> with
/// <c>Retry-After</c>. A command cancelled that way may still have committed; its Idempotency-Key
/// replays the stored answer, because the idempotency record is written in the same transaction.
/// </summary>
public sealed class DependencyBounds(RequestDelegate next, IConfiguration configuration)
{
    public static readonly TimeSpan RedisPerRequest = TimeSpan.FromMilliseconds(250);

    private readonly TimeSpan deadline = TimeSpan.FromSeconds(configuration.GetValue("Api:RequestDeadlineSeconds", 5.0));

    public async Task InvokeAsync(HttpContext context)
    {
        var client = context.RequestAborted;
        var timer = CancellationTokenSource.CreateLinkedTokenSource(client);
        context.Response.RegisterForDispose(timer); // after OnStarting, which may run once this returns
        timer.CancelAfter(deadline);
        context.Response.OnStarting(() =>
        {
            timer.CancelAfter(Timeout.InfiniteTimeSpan); // the first byte went out: a long export may stream on
            return Task.CompletedTask;
        });
        context.RequestAborted = timer.Token;
        using var budget = RedisBudget.Begin(RedisPerRequest);
        try
        {
            await next(context);
        }
        catch (OperationCanceledException e) when (!client.IsCancellationRequested && !context.Response.HasStarted)
        {
            // Redis has its own 250 ms budget, so what runs out the deadline is the store.
            LifestyleTelemetry.DependencyTimedOut("dynamodb");
            throw new DependencyTimeoutException(
                timer.IsCancellationRequested
                    ? $"The request did not complete within {deadline.TotalSeconds:0.#} s."
                    : "A dependency did not answer in time.",
                e);
        }
        finally
        {
            context.RequestAborted = client;
        }
    }
}

/// <summary>A dependency was too slow or unreachable for this request: 503 with Retry-After, never a 500.</summary>
public sealed class DependencyTimeoutException(string message, Exception inner) : Exception(message, inner);
