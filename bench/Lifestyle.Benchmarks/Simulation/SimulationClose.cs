using System.Globalization;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Phases;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>
/// The simulation's daily close, run in this process as the daily-close Lambda runs it (its own outbox drained to the
/// SNS emulator at the end): first without insights, then with them. The second finds every fact recorded (a refused
/// conditional Put each, as the first made), so what it asks beyond the first is the insights' share. Then the sizes
/// only the stack can tell (Redis memory of a goal view) and one user's erasure.
/// </summary>
public static class SimulationClose
{
    public static async Task RunAsync(BenchContext ctx, SimRun run)
    {
        BenchContext.Phase($"simulation: daily close of {run.Day:yyyy-MM-dd} (DailyCloseJob; facts published to the SNS emulator)");
        foreach (var insights in new[] { false, true })
        {
            using var services = ReplayPhase.ToolServices(ctx, ctx.Stack.Table, sns: ctx.Stack.SnsUrl, insights: insights);
            var job = services.GetRequiredService<DailyCloseJob>();
            await ctx.SettleAsync();
            var from = ctx.Stack.BenchStore!.Snapshot();
            DailyCloseResult result;
            await using (new ProgressTicker("daily close", () => $"{ctx.Stack.BenchStore.Snapshot().Since(from)["GetItem"]:N0} GetItems"))
            {
                result = await job.RunAsync(run.Day, CancellationToken.None);
            }

            var counts = ctx.Stack.BenchStore.Snapshot().Since(from);
            Console.Error.WriteLine($"  {(insights ? "with insights" : "plain")}: {result.Summary()}; requests: {counts.PerUnit(1)}");
            if (insights)
            {
                (run.WithInsights, run.InsightsCounts) = (result, counts);
            }
            else
            {
                (run.Plain, run.PlainCounts) = (result, counts);
            }
        }
    }

    public static async Task MeasureAfterAsync(BenchContext ctx, SimRun run, SimUser erased)
    {
        var redis = ctx.Stack.Redis.GetDatabase();
        foreach (var user in run.History)
        {
            var key = CacheKeys.Goal(ReadModelKeys.Live, user.User.Id, user.Goals[0].Id);
            var bytes = await redis.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
            run.RedisView.Add(bytes.IsNull ? 0 : (long)bytes);
        }

        BenchContext.Phase($"simulation: DELETE /v1/me of one active user ({erased.Goals.Count} goals, {run.HistoryDays + 1} days)");
        var (items, answered) = await ErasurePhase.EraseAsync(ctx, erased.User.Token);
        (run.ErasedItems, run.ErasedUser) = (items, erased.User.Id);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  erased {items:N0} items (first answer '{answered}')"));
    }
}
