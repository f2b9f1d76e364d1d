using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Benchmarks.Api;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Stack;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Storage;
using StackExchange.Redis;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// Phase 3: GET /v1/goals/{id} and GET /v1/dashboard served from Redis (the stack's API, cache warm)
/// and from the table (a second API process started without Redis), each next to the raw read it
/// stands on — Redis HMGET of the goal hash, DynamoDB GetItem of the PROGRESS# item — measured at the
/// same concurrency in the same run; then the other read endpoints (<see cref="ListQueries"/>).
/// </summary>
public static class QueryPhase
{
    public const double RedisP99TargetMs = 20;
    public const double SeedProgressMs = 100;
    public const double SeedListMs = 200;

    public static async Task RunAsync(BenchContext ctx)
    {
        var c = ctx.Options.QueryConcurrency;
        var t = ctx.Table;
        BenchContext.Phase($"queries at c={c}: from Redis and from the table");
        await WaitForReadModelsAsync(ctx, TimeSpan.FromSeconds(60));
        await ctx.SettleAsync();
        var redis = ctx.Stack.Redis.GetDatabase();
        var pick = new Picker(ctx.Goals.Count, ctx.Users.Count);

        var rawRedis = await ctx.LoadAsync($"raw Redis HMGET c={c}", c, async _ =>
        {
            var g = ctx.Goals[pick.Goal()];
            var v = await redis.HashGetAsync(CacheKeys.Goal(ReadModelKeys.Live, g.User.Id, g.Id), ["version", "data"]);
            return v[1].IsNull ? "cache miss" : null;
        });
        var redisCpu = ctx.CpuMark();
        var goalRedis = await ctx.LoadAsync($"GET goal (Redis) c={c}", c, _ =>
        {
            var g = ctx.Goals[pick.Goal()];
            return ctx.Api.GetAsync($"/v1/goals/{g.Id}", g.User);
        });
        var redisCpuText = ProcessWatch.Describe(redisCpu, ctx.CpuMark());
        var dashRedis = await ctx.LoadAsync($"GET dashboard (Redis) c={c}", c, _ => ctx.Api.GetAsync("/v1/dashboard", ctx.Users[pick.User()]));

        t.Add("1 baseline", $"raw Redis GET of a goal read model (HMGET version,data), c={c}",
            $"p50/p95/p99 {rawRedis.Latency} · {Fmt.Rate(rawRedis.Throughput)} ops/s");
        AddQuery(t, $"GET /v1/goals/{{id}} from Redis, c={c}", goalRedis, rawRedis, "Redis GET",
            $"p99 < {RedisP99TargetMs:0} ms (ours); < {SeedProgressMs:0} ms (seed)", RedisP99TargetMs);
        AddQuery(t, $"GET /v1/dashboard from Redis ({ctx.Options.GoalsPerUser} goals), c={c}", dashRedis, rawRedis, "Redis GET",
            $"p99 < {RedisP99TargetMs:0} ms (ours); < {SeedListMs:0} ms (seed)", RedisP99TargetMs);
        t.Add("3 queries", "CPU share during GET /v1/goals/{id} from Redis", redisCpuText);
        await ListQueries.RunAsync(ctx, pick, c, rawRedis);

        var (process, url) = await ctx.Stack.StartTableOnlyApiAsync();
        try
        {
            var tableApi = new BenchApi(ctx.Stack.Http, url);
            var db = ctx.Stack.Dynamo;
            var rawGet = await ctx.LoadAsync($"raw GetItem PROGRESS# c={c}", c, async _ =>
            {
                var g = ctx.Goals[pick.Goal()];
                var r = await db.GetItemAsync(new GetItemRequest
                {
                    TableName = ctx.Stack.Table,
                    ConsistentRead = true,
                    Key = new() { [Keys.PK] = new(Keys.User(g.User.Id)), [Keys.SK] = new(ReadModelKeys.Live.Progress(g.Id)) },
                });
                return r.IsItemSet && r.Item.Count > 0 ? null : "no PROGRESS# item";
            });
            var goalTable = await ctx.LoadAsync($"GET goal (table) c={c}", c, _ =>
            {
                var g = ctx.Goals[pick.Goal()];
                return tableApi.GetAsync($"/v1/goals/{g.Id}", g.User);
            });
            var dashTable = await ctx.LoadAsync($"GET dashboard (table) c={c}", c, _ => tableApi.GetAsync("/v1/dashboard", ctx.Users[pick.User()]));
            long events = 0;
            var rawQuery = await ctx.LoadAsync($"raw Query of a goal's events c={c}", c, async _ =>
            {
                var g = ctx.Goals[pick.Goal()];
                var r = await db.QueryAsync(new QueryRequest
                {
                    TableName = ctx.Stack.Table,
                    ConsistentRead = true,
                    KeyConditionExpression = "PK = :pk AND SK BETWEEN :from AND :to",
                    ExpressionAttributeValues = new()
                    {
                        [":pk"] = new(Keys.User(g.User.Id)),
                        [":from"] = new(Keys.EventPrefix(g.Id)),
                        [":to"] = new(Keys.EventPrefix(g.Id) + "~"),
                    },
                });
                Interlocked.Add(ref events, r.Count ?? 0);
                return null;
            });

            t.Add("1 baseline", $"raw DynamoDB GetItem (PROGRESS# item, consistent), c={c}",
                $"p50/p95/p99 {rawGet.Latency} · {Fmt.Rate(rawGet.Throughput)} ops/s");
            t.Add("1 baseline", $"raw DynamoDB Query (a goal's events, consistent), c={c}",
                $"p50/p95/p99 {rawQuery.Latency} · {Fmt.Rate(rawQuery.Throughput)} ops/s");
            AddQuery(t, $"GET /v1/goals/{{id}} from the table, c={c}", goalTable, rawGet, "GetItem",
                $"p99 < {SeedProgressMs:0} ms (seed)", SeedProgressMs);
            AddQuery(t, $"GET /v1/dashboard from the table ({ctx.Options.GoalsPerUser} goals), c={c}", dashTable, rawGet, "GetItem",
                $"p99 < {SeedListMs:0} ms (seed)", SeedListMs);
        }
        finally
        {
            ctx.Stack.Watch.Final("api-table");
            process.Dispose();
        }
    }

    public static void AddQuery(Report.ResultTable t, string metric, LoadResult r, LoadResult baseline, string baselineName, string target, double p99Limit) =>
        t.Add("3 queries", metric,
            $"p50/p95/p99 {r.Latency} · {Fmt.Rate(r.Throughput)} ops/s" + (r.Errors > 0 ? $" · {Fmt.N(r.Errors)} errors" : ""),
            $"{baselineName} p99 {Fmt.Ms(baseline.P99)} ms", Fmt.Ratio(r.P99 / baseline.P99) + " (p99)", target,
            r.Errors == 0 && r.P99 < p99Limit);

    /// <summary>Waits until Redis holds every goal at the version its last command answered (the projector caught up).</summary>
    public static async Task WaitForReadModelsAsync(BenchContext ctx, TimeSpan timeout)
    {
        var redis = ctx.Stack.Redis.GetDatabase();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var versions = await Task.WhenAll(ctx.Goals.Select(g =>
                redis.HashGetAsync(CacheKeys.Goal(ReadModelKeys.Live, g.User.Id, g.Id), "version")));
            var behind = ctx.Goals.Where((g, i) => versions[i].IsNull || (long)versions[i] < g.Version).Count();
            if (behind == 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  read models of all {ctx.Goals.Count} goals current in Redis after {clock.Elapsed.TotalSeconds:0.0} s"));
                return;
            }

            if (clock.Elapsed > timeout)
            {
                ctx.Table.Note($"{behind} of {ctx.Goals.Count} goals were not current in Redis after {timeout.TotalSeconds:0} s; their reads fell back to the table");
                return;
            }

            await Task.Delay(250);
        }
    }
}
