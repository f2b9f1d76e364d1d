using System.Diagnostics;
using Lifestyle.Benchmarks.Api;
using Lifestyle.Benchmarks.Load;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// The seed's "100 concurrent users creating goals": every user creates its goals one after another, all
/// users at once. With no pause between a user's creates that keeps one create per user in flight (a
/// stress test the store's create rate bounds); with a pause the users start spread over one pause and
/// wait it between their creates, as people in an app would.
/// </summary>
public static class GoalCreates
{
    public static readonly TimeSpan HumanPace = TimeSpan.FromSeconds(1);

    /// <summary>Creates for <paramref name="users"/> (new users when empty); the goals are added to <paramref name="goals"/> interleaved by user.</summary>
    public static async Task<LoadResult> RunAsync(BenchContext ctx, List<BenchUser> users, TimeSpan pause, List<BenchGoal> goals)
    {
        var o = ctx.Options;
        while (users.Count < o.Users)
        {
            users.Add(ctx.Data.NewUser(ctx.RunId, ctx.Stack.Auth));
        }

        var latencies = new List<double>[users.Count];
        long errors = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        var created = await Task.WhenAll(users.Select((user, i) => Task.Run(async () =>
        {
            var mine = new List<BenchGoal>();
            latencies[i] = [];
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause * i / users.Count);
            }

            for (var k = 0; k < o.GoalsPerUser; k++)
            {
                if (k > 0 && pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause);
                }

                var (json, pattern) = ctx.Data.NewGoalBody();
                var t0 = Stopwatch.GetTimestamp();
                var (error, goal) = await ctx.Api.CreateGoalAsync(user, json, pattern);
                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (goal is not null)
                {
                    latencies[i].Add(ms);
                    mine.Add(goal);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }

            return mine;
        })));
        clock.Stop();
        // Interleave users, so consecutive goals (and each log worker's share) belong to different users.
        for (var k = 0; k < o.GoalsPerUser; k++)
        {
            goals.AddRange(created.Where(g => g.Count > k).Select(g => g[k]));
        }

        var name = pause > TimeSpan.Zero ? "POST /v1/goals (human pace)" : "POST /v1/goals";
        var result = LoadResult.From(name, users.Count, latencies.SelectMany(l => l).ToList(), errors, clock.Elapsed, firstError);
        Console.Error.WriteLine("  " + result + (firstError is null ? "" : $"  first error: {firstError}"));
        return result;
    }
}
