using System.Globalization;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Stack;
using Lifestyle.Projections.Jobs;
using Lifestyle.Projections.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// The daily close with insights (docs/insights.md), run right after the plain close on the same table: the same walk
/// and fact Puts (refused now: the plain run recorded them), plus each goal's insight, the GSI1 walk of every status
/// for the template statistics and one insights item (Put + erasure check + Redis SET) per user.
/// </summary>
public static class DailyCloseInsightsRow
{
    public static async Task MeasureAsync(BenchContext ctx, string table, int goals, DateOnly closed, double plainRate)
    {
        using var services = ReplayPhase.ToolServices(ctx, table, sns: ctx.Stack.SnsUrl ?? "http://127.0.0.1:9");
        services.GetRequiredService<NotificationOutbox>().HasPublisher = true;
        await ctx.SettleAsync();
        var result = await services.GetRequiredService<DailyCloseJob>().RunAsync(closed, CancellationToken.None);
        var rate = result.Goals / Math.Max(result.Elapsed.TotalSeconds, 1e-9);
        ctx.Table.Add(DailyClosePhase.Label, $"daily close with insights over {goals:N0} active goals (after the plain close: its facts already recorded)",
            string.Create(CultureInfo.InvariantCulture,
                $"{Fmt.Rate(rate)} goals/s · {result.Elapsed.TotalSeconds:0.00} s · insights of {result.Insights:N0} users"),
            $"{Fmt.Rate(plainRate)} goals/s plain close", Fmt.Ratio(rate / plainRate));
    }
}
