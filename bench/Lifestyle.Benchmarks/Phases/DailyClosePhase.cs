using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Stack;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Jobs;
using Lifestyle.Projections.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// The daily close (docs/product-rules.md §9): <see cref="DailyCloseJob"/> in this process over a table of its own holding
/// <see cref="DailyCloseData"/>'s active goals (10,000, then 1,000), facts recorded and not published (the job
/// is told a publisher exists, so it leaves what it queued unpublished), next to a raw baseline of the reads
/// the job needs: each GSI1 status shard's Query, then a consistent GetItem of each goal's PROGRESS# item,
/// four shards at a time as the job walks them. This row is the plain close (facts only); the close with insights
/// follows it on the same table (<see cref="DailyCloseInsightsRow"/>).
/// </summary>
public static class DailyClosePhase
{
    public const double TargetRatio = 0.5;

    /// <summary>docs/product-rules.md §9 sets the ratio on 10,000 goals; a smaller close shows how the job scales.</summary>
    public const int TargetGoals = 10_000;
    public const string Label = "5 daily close";

    public static async Task RunAsync(BenchContext ctx)
    {
        int[] sizes = ctx.Options.Quick ? [2_000, 200] : [10_000, 1_000];
        foreach (var goals in sizes)
        {
            await MeasureAsync(ctx, goals);
        }
    }

    private static async Task MeasureAsync(BenchContext ctx, int goals)
    {
        var db = ctx.Stack.Dynamo;
        var table = $"{ctx.Stack.Table}-close-{ctx.RunId}-{goals}";
        var closed = DailyCloseData.ClosedDay();
        BenchContext.Phase($"daily close of {closed:yyyy-MM-dd} over {goals:N0} active goals in table {table}");
        var create = TableSchema.CreateRequest(table);
        create.StreamSpecification = new StreamSpecification { StreamEnabled = false };
        await db.CreateTableAsync(create);
        try
        {
            await ReplayPhase.WaitActiveAsync(db, table);
            var clock = Stopwatch.StartNew();
            foreach (var chunk in DailyCloseData.Items(ctx.RunId, goals, closed).Chunk(25 * 4))
            {
                await Task.WhenAll(chunk.Chunk(25).Select(batch => ReplayBaselines.WriteBatchAsync(db, table, batch)));
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wrote {goals:N0} goal heads and PROGRESS# items in {clock.Elapsed.TotalSeconds:0.0} s"));
            await ctx.SettleAsync();
            var raw = await RawReadsAsync(db, table);
            ctx.Table.Add("1 baseline", $"raw daily-close reads over {goals:N0} goals: 16 GSI1 shard Queries + a consistent GetItem per goal, 4 shards at a time",
                string.Create(CultureInfo.InvariantCulture, $"{Fmt.Rate(raw.Goals / raw.Elapsed.TotalSeconds)} goals/s · {raw.Goals:N0} goals · {raw.Elapsed.TotalSeconds:0.00} s"));

            using var services = ReplayPhase.ToolServices(ctx, table, sns: ctx.Stack.SnsUrl ?? "http://127.0.0.1:9", insights: false);
            services.GetRequiredService<NotificationOutbox>().HasPublisher = true; // record, queue in memory, never publish
            var job = services.GetRequiredService<DailyCloseJob>();
            await ctx.SettleAsync();
            var cpu = ctx.CpuMark();
            var mark = StoreRequestRows.Mark(ctx);
            DailyCloseResult result;
            await using (new ProgressTicker("daily close", () => $"{ctx.Stack.BenchStore?.Snapshot().Since(mark.Bench)["GetItem"] ?? 0:N0} PROGRESS# reads"))
            {
                result = await job.RunAsync(closed, CancellationToken.None);
            }

            var cpuText = ProcessWatch.Describe(cpu, ctx.CpuMark());
            var rate = result.Goals / Math.Max(result.Elapsed.TotalSeconds, 1e-9);
            var rawRate = raw.Goals / Math.Max(raw.Elapsed.TotalSeconds, 1e-9);
            var expectedAtRisk = (int)Math.Round(goals * DailyCloseData.AtRiskShare);
            var mixOk = result.Goals == goals && result.AtRisk == expectedAtRisk;
            ctx.Table.Add(Label, $"daily close over {goals:N0} active goals (facts recorded, not published; fixed mix: 10 % at risk; the broken share as the job counts it)",
                string.Create(CultureInfo.InvariantCulture,
                    $"{Fmt.Rate(rate)} goals/s · {result.Elapsed.TotalSeconds:0.00} s · recorded {result.AtRisk:N0} at-risk, {result.Broken:N0} broken, {result.Summaries} summaries")
                    + (mixOk ? "" : $" · MIX DIFFERS (expected {expectedAtRisk:N0} at risk of {goals:N0})"),
                $"{Fmt.Rate(rawRate)} goals/s raw reads", Fmt.Ratio(rate / rawRate),
                goals >= TargetGoals ? $"≥ {TargetRatio:0.0}× raw reads" : $"– (how it scales; the target is set on {TargetGoals:N0} goals)",
                goals >= TargetGoals ? mixOk && rate / rawRate >= TargetRatio : (mixOk ? null : false));
            ctx.Table.Add(Label, $"CPU share during the daily close over {goals:N0} goals (it runs inside the bench process)", cpuText);
            var facts = result.AtRisk + result.Broken;
            StoreRequestRows.Bench(ctx, $"daily close: requests per goal over {goals:N0} goals", mark, goals,
                string.Create(CultureInfo.InvariantCulture, $"min {1 + ((double)facts / goals) + (16.0 / goals):0.00}: 1 GetItem per goal + 1 conditional Put per fact ({(double)facts / goals:0.00}/goal) + 16 shard Queries"),
                1 + ((double)facts / goals) + (16.0 / goals));
            await DailyCloseInsightsRow.MeasureAsync(ctx, table, goals, closed, rate);
        }
        finally
        {
            await db.DeleteTableAsync(table);
        }
    }

    private static async Task<(int Goals, TimeSpan Elapsed)> RawReadsAsync(IAmazonDynamoDB db, string table)
    {
        var goals = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Keys.StatusShards), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (shard, ct) =>
        {
            var request = new QueryRequest
            {
                TableName = table,
                IndexName = Keys.Gsi1,
                KeyConditionExpression = "GSI1PK = :pk",
                ProjectionExpression = "PK, SK",
                ExpressionAttributeValues = new() { [":pk"] = new(ActiveGoalIndex.Partition(shard)) },
            };
            do
            {
                var page = await db.QueryAsync(request, ct);
                foreach (var head in page.Items ?? [])
                {
                    var goalId = head[Keys.SK].S[Keys.GoalPrefix.Length..];
                    var item = await db.GetItemAsync(new GetItemRequest
                    {
                        TableName = table,
                        ConsistentRead = true,
                        Key = new() { [Keys.PK] = head[Keys.PK], [Keys.SK] = new(ReadModelKeys.Live.Progress(goalId)) },
                    }, ct);
                    if (item.Item is { Count: > 0 })
                    {
                        Interlocked.Increment(ref goals);
                    }
                }

                request.ExclusiveStartKey = page.LastEvaluatedKey;
            }
            while (request.ExclusiveStartKey is { Count: > 0 });
        });
        clock.Stop();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  raw reads: {goals:N0} goals in {clock.Elapsed.TotalSeconds:0.00} s"));
        return (goals, clock.Elapsed);
    }
}
