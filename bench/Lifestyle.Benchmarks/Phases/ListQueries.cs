using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// Phase 3, the other read endpoints of the stack's API: the goal list, a goal's last 30 days and last
/// 12 weeks (all from the Redis copy of the folds), next to the raw Redis read; and a goal's newest
/// activities (a GSI2 Query), next to that raw Query. The seed's target for lists is p99 &lt; 200 ms.
/// </summary>
internal static class ListQueries
{
    public const int ActivityPage = 50;

    public static async Task RunAsync(BenchContext ctx, Picker pick, int c, LoadResult rawRedis)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = string.Create(CultureInfo.InvariantCulture, $"from={today.AddDays(-29):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var weeks = string.Create(CultureInfo.InvariantCulture, $"from={today.AddDays(-7 * 11):yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        var list = await ctx.LoadAsync($"GET goals (Redis) c={c}", c, _ => ctx.Api.GetAsync("/v1/goals", ctx.Users[pick.User()]));
        var dayList = await ctx.LoadAsync($"GET days (Redis) c={c}", c, _ =>
        {
            var g = ctx.Goals[pick.Goal()];
            return ctx.Api.GetAsync($"/v1/goals/{g.Id}/days?{days}", g.User);
        });
        var weekList = await ctx.LoadAsync($"GET weeks (Redis) c={c}", c, _ =>
        {
            var g = ctx.Goals[pick.Goal()];
            return ctx.Api.GetAsync($"/v1/goals/{g.Id}/weeks?{weeks}", g.User);
        });
        var rawIndex = await ctx.LoadAsync($"raw GSI2 Query c={c}", c, async _ =>
        {
            var g = ctx.Goals[pick.Goal()];
            await ctx.Stack.Dynamo.QueryAsync(new QueryRequest
            {
                TableName = ctx.Stack.Table,
                IndexName = Keys.Gsi2,
                KeyConditionExpression = "GSI2PK = :pk",
                ExpressionAttributeValues = new() { [":pk"] = new(Keys.ActivityIndex(g.User.Id, g.Id)) },
                ScanIndexForward = false,
                Limit = ActivityPage,
            });
            return null;
        });
        var activities = await ctx.LoadAsync($"GET activities c={c}", c, _ =>
        {
            var g = ctx.Goals[pick.Goal()];
            return ctx.Api.GetAsync($"/v1/goals/{g.Id}/activities?limit={ActivityPage}", g.User);
        });

        var t = ctx.Table;
        var seed = $"p99 < {QueryPhase.SeedListMs:0} ms (seed)";
        QueryPhase.AddQuery(t, $"GET /v1/goals (the user's active goals) from Redis, c={c}", list, rawRedis, "Redis GET", seed, QueryPhase.SeedListMs);
        QueryPhase.AddQuery(t, $"GET /v1/goals/{{id}}/days (30 days) from Redis, c={c}", dayList, rawRedis, "Redis GET", seed, QueryPhase.SeedListMs);
        QueryPhase.AddQuery(t, $"GET /v1/goals/{{id}}/weeks (12 weeks) from Redis, c={c}", weekList, rawRedis, "Redis GET", seed, QueryPhase.SeedListMs);
        t.Add("1 baseline", $"raw DynamoDB Query of GSI2 (a goal's newest {ActivityPage} activities), c={c}",
            $"p50/p95/p99 {rawIndex.Latency} · {Fmt.Rate(rawIndex.Throughput)} ops/s");
        QueryPhase.AddQuery(t, $"GET /v1/goals/{{id}}/activities?limit={ActivityPage} (GSI2), c={c}", activities, rawIndex, "GSI2 Query", seed,
            QueryPhase.SeedListMs);
    }
}
