using System.Threading.Channels;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bogus;
using Lifestyle.Benchmarks.Load;
using Lifestyle.Benchmarks.Stack;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Replay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>The replay phase's data set and services: generated goals, the tool's services, the cache keys it leaves.</summary>
public static partial class ReplayPhase
{
    /// <summary>The operator tool's services (as ToolHost builds them), against a table of the bench's and the stack's Redis (SNS: the daily close).</summary>
    internal static ServiceProvider ToolServices(BenchContext ctx, string table, string? sns = null, bool insights = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DynamoDb:ServiceUrl"] = ctx.Stack.BenchStoreUrl,
            ["DynamoDb:TableName"] = table,
            ["Redis:Configuration"] = ctx.Stack.RedisConfiguration,
            ["Sns:ServiceUrl"] = sns,
            ["DailyClose:Insights"] = insights ? "true" : "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLifestyleProjector(configuration);
        services.AddSingleton<GoalWalker>();
        services.AddSingleton<BulkReadModelWrites>();
        services.AddSingleton<GoalRebuilder>();
        services.AddSingleton<ReplayCheckpoints>();
        services.AddSingleton<ReplayRunner>();
        return services.BuildServiceProvider();
    }

    /// <summary>Generates goals until the events reach the target, streaming their items to BatchWriteItem writers.</summary>
    private static async Task<(List<GeneratedGoal> Goals, long Items)> GenerateAsync(
        BenchContext ctx, IAmazonDynamoDB db, string table, List<List<Dictionary<string, AttributeValue>>> sample)
    {
        var batches = Channel.CreateBounded<List<Dictionary<string, AttributeValue>>>(64);
        long items = 0;
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            await foreach (var batch in batches.Reader.ReadAllAsync())
            {
                await ReplayBaselines.WriteBatchAsync(db, table, batch);
                Interlocked.Add(ref items, batch.Count);
            }
        })).ToList();

        var goals = new List<GeneratedGoal>();
        try
        {
            var generator = new ReplayDataSet(new Faker { Random = new Randomizer(5) }, ctx.RunId);
            var pending = new List<Dictionary<string, AttributeValue>>(25);
            var total = 0;
            while (total < ctx.Options.ReplayEvents)
            {
                var (goal, goalItems) = generator.NextGoal();
                goals.Add(goal);
                total += goal.Events;
                if (sample.Count < SampleGoals)
                {
                    sample.Add(goalItems);
                }

                foreach (var item in goalItems)
                {
                    pending.Add(item);
                    if (pending.Count == 25)
                    {
                        await batches.Writer.WriteAsync(pending);
                        pending = new List<Dictionary<string, AttributeValue>>(25);
                    }
                }
            }

            if (pending.Count > 0)
            {
                await batches.Writer.WriteAsync(pending);
            }
        }
        finally
        {
            batches.Writer.Complete();
        }

        await Task.WhenAll(writers);
        return (goals, items);
    }

    internal static async Task WaitActiveAsync(IAmazonDynamoDB db, string table)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await db.DescribeTableAsync(table)).Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"table {table} did not become ACTIVE");
    }

    /// <summary>The replay refreshed Redis for its generated users; remove those keys again.</summary>
    private static async Task DeleteCacheKeysAsync(BenchContext ctx)
    {
        var redis = ctx.Stack.Redis;
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        foreach (var version in new[] { ReadModelKeys.Live, IntoKeys, GatedKeys })
        {
            var keys = server.Keys(pattern: $"{version.Cache}:*:bench-{ctx.RunId}-replay-*", pageSize: 1000).ToArray();
            if (keys.Length > 0)
            {
                await redis.GetDatabase().KeyDeleteAsync(keys);
            }
        }
    }
}
