using Amazon.DynamoDBv2.Model;
using Lifestyle.Infrastructure.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>A background job survives its dependencies' failures and stops with the host; a defect is not swallowed.</summary>
public sealed class BackgroundLoopTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task A_round_that_times_out_or_meets_a_store_error_is_followed_by_the_next_round()
    {
        using var stop = new CancellationTokenSource();
        var rounds = 0;
        Exception[] failures = [new TimeoutException("store"), new ProvisionedThroughputExceededException("busy"), new TaskCanceledException("deadline")];

        await BackgroundLoop.RunAsync("test", Tick, _ =>
        {
            rounds++;
            if (rounds <= failures.Length)
            {
                throw failures[rounds - 1];
            }

            stop.Cancel();
            return Task.CompletedTask;
        }, NullLogger.Instance, stop.Token, maxPause: Tick);

        Assert.Equal(failures.Length + 1, rounds);
    }

    [Fact]
    public async Task A_defect_in_a_round_is_not_caught()
    {
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAsync<InvalidOperationException>(() => BackgroundLoop.RunAsync(
            "test", Tick, _ => throw new InvalidOperationException("bug"), NullLogger.Instance, stop.Token));
    }

    [Fact]
    public async Task The_loop_ends_when_the_host_stops()
    {
        using var stop = new CancellationTokenSource();
        var rounds = 0;

        await BackgroundLoop.RunAsync("test", Tick, ct =>
        {
            rounds++;
            stop.Cancel();
            throw new OperationCanceledException(ct);
        }, NullLogger.Instance, stop.Token);

        Assert.Equal(1, rounds);
    }
}
