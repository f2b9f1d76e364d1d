using System.Diagnostics;
using System.Globalization;
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
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Replay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Lifestyle.Benchmarks.Phases;

/// <summary>
/// Phase 5: replay throughput. A Bogus data set (users, goals, weeks of activity logs with some removals
/// and definition changes, decided by the domain and stored with the app's own item codecs) is written
/// with BatchWriteItem into a table of the same shape without a stream (so the live projector does not
/// race the replay), then rebuilt with <see cref="GoalRebuilder"/> through <see cref="ReplayRunner.RunAllAsync"/>
/// — what <c>replay --all</c> runs — next to a raw Query of the same events at the same parallelism.
/// </summary>
public static class ReplayPhase
{
    public const double TargetEventsPerSecond = 3000;
    private const int Writers = 4;
    private const int SampleGoals = 200;

    public sealed record GeneratedGoal(string UserId, string GoalId, int Events);

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var t = ctx.Table;
        var db = ctx.Stack.Dynamo;
        var table = $"{ctx.Stack.Table}-replay-{ctx.RunId}";
        BenchContext.Phase($"replay: {o.ReplayEvents:N0} generated events in table {table}, {o.ReplaySegments} segments");
        var create = TableSchema.CreateRequest(table);
        create.StreamSpecification = new StreamSpecification { StreamEnabled = false };
        await db.CreateTableAsync(create);
        try
        {
            await WaitActiveAsync(db, table);
            var clock = Stopwatch.StartNew();
            var sample = new List<List<Dictionary<string, AttributeValue>>>();
            var (goals, items) = await GenerateAsync(ctx, db, table, sample);
            clock.Stop();
            var events = goals.Sum(g => g.Events);
            var users = goals.Select(g => g.UserId).Distinct().Count();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  wrote {events:N0} events of {goals.Count:N0} goals ({users:N0} users) as {items:N0} items in {clock.Elapsed.TotalSeconds:0.0} s"));
            t.Add("5 replay", "generated data set (Bogus users, goals, activity logs; the app's item codecs)",
                string.Create(CultureInfo.InvariantCulture,
                    $"{events:N0} events · {goals.Count:N0} goals · {users:N0} users · {(double)events / goals.Count:0} events/goal · BatchWriteItem {items / clock.Elapsed.TotalSeconds:N0} items/s"));

            var cpu = CpuOnly(sample);
            t.Add("5 replay", $"replay CPU only: decode + fold + build read-model items, in memory, 1 thread ({sample.Count} goals)",
                $"{Fmt.Rate(cpu)} events/s per core");
            await ctx.SettleAsync();
            var rawQuery = await RawQueryAsync(db, table, goals, o.ReplaySegments);
            t.Add("1 baseline", $"raw DynamoDB Query of every goal's events ({o.ReplaySegments} workers, consistent, paged)",
                $"{Fmt.Rate(rawQuery)} events/s");

            using var services = ReplayServices(ctx, table);
            if (!o.Quick)
            {
                // Where the replay's time goes: finding the goals, then reading and folding them without writing.
                var walk = await WalkAsync(services, o.ReplaySegments);
                t.Add("5 replay", $"replay goal walk only (GoalWalker's parallel Scan of goal heads, {o.ReplaySegments} segments)",
                    string.Create(CultureInfo.InvariantCulture, $"{walk.TotalSeconds:0.0} s for {goals.Count:N0} goals in {items:N0} items ({items / walk.TotalSeconds:N0} items/s scanned)"));
                var dry = await ReplayAsync(services, o.ReplaySegments, dryRun: true);
                t.Add("5 replay", $"replay read + fold only (dry run: no writes), {o.ReplaySegments} segments",
                    $"{Fmt.Rate(dry.EventsPerSecond)} events/s", $"{Fmt.Rate(rawQuery)} events/s raw Query", Fmt.Ratio(dry.EventsPerSecond / rawQuery));
            }

            await ctx.SettleAsync();
            var replayCpu = ctx.CpuMark();
            var replay = await ReplayAsync(services, o.ReplaySegments, dryRun: false);
            var cpuText = ProcessWatch.Describe(replayCpu, ctx.CpuMark());
            var complete = replay.Events == events;
            t.Add("5 replay", $"replay --all (GoalRebuilder via ReplayRunner, {o.ReplaySegments} segments, table + Redis)",
                string.Create(CultureInfo.InvariantCulture,
                    $"{Fmt.Rate(replay.EventsPerSecond)} events/s · {replay.Events:N0} events · {replay.Items:N0} items written · {replay.Elapsed.TotalSeconds:0.0} s"),
                $"{Fmt.Rate(rawQuery)} events/s raw Query", Fmt.Ratio(replay.EventsPerSecond / rawQuery),
                $"≥ {TargetEventsPerSecond:N0} events/s", complete && replay.EventsPerSecond >= TargetEventsPerSecond);
            t.Add("5 replay", "CPU share during replay --all (it runs inside the bench process)", cpuText);
            if (!complete)
            {
                t.Note($"the replay covered {replay.Events:N0} events, not the {events:N0} generated");
            }
        }
        finally
        {
            await db.DeleteTableAsync(table);
            await DeleteCacheKeysAsync(ctx);
        }
    }

    private sealed record ReplayFigures(long Events, long Items, TimeSpan Elapsed)
    {
        public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-9);
    }

    private static async Task<ReplayFigures> ReplayAsync(ServiceProvider services, int segments, bool dryRun)
    {
        var rebuilder = services.GetRequiredService<GoalRebuilder>();
        var runner = services.GetRequiredService<ReplayRunner>();
        var throttle = new WriteThrottle(0);
        var progress = new ReplayProgress(TextWriter.Null, null);
        GoalAction action = async (g, ct) =>
        {
            var r = await rebuilder.RebuildAsync(g.UserId, g.GoalId, ReadModelKeys.Live, throttle, dryRun, ct);
            return (r.Events, r.ItemsWritten + r.ItemsDeleted, 0);
        };
        var clock = Stopwatch.StartNew();
        await runner.RunAllAsync(segments, null, action, progress, CancellationToken.None);
        clock.Stop();
        var figures = new ReplayFigures(progress.Events, progress.Items, clock.Elapsed);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  replay{(dryRun ? " (dry run)" : "")}: {figures.Events:N0} events of {progress.Goals:N0} goals, {figures.Items:N0} items, {figures.Elapsed.TotalSeconds:0.0} s, {figures.EventsPerSecond:N0} events/s"));
        return figures;
    }

    /// <summary>The replay's own CPU work per event, without any I/O: what GoalRebuilder does between its reads and writes.</summary>
    private static double CpuOnly(List<List<Dictionary<string, AttributeValue>>> sample)
    {
        long events = 0;
        var clock = new Stopwatch();
        for (var round = 0; round < 3; round++)
        {
            // Round 0 warms the JIT; rounds 1-2 are timed.
            if (round == 1)
            {
                events = 0;
                clock.Restart();
            }

            foreach (var goalItems in sample)
            {
                var envelopes = goalItems.Where(i => i[Keys.SK].S.StartsWith("ACTIVITY#", StringComparison.Ordinal)).Select(EventItems.FromItem).ToList();
                var p = Domain.Progress.GoalProjection.Fold(envelopes)!;
                _ = ReadModelItems.All(p, ReadModelKeys.Live);
                events += envelopes.Count;
            }
        }

        clock.Stop();
        var rate = events / clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU only: {events:N0} events in {clock.Elapsed.TotalSeconds:0.00} s, {rate:N0} events/s"));
        return rate;
    }

    /// <summary>How long finding the goals takes: ReplayRunner.RunAllAsync with an action that does nothing.</summary>
    private static async Task<TimeSpan> WalkAsync(ServiceProvider services, int segments)
    {
        var progress = new ReplayProgress(TextWriter.Null, null);
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<ReplayRunner>().RunAllAsync(segments, null, (_, _) => Task.FromResult((0, 0, 0)), progress, CancellationToken.None);
        clock.Stop();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  goal walk: {progress.Goals:N0} goals, {clock.Elapsed.TotalSeconds:0.00} s"));
        return clock.Elapsed;
    }

    /// <summary>The replay tool's services (as ToolHost builds them), against the replay table and the stack's Redis.</summary>
    private static ServiceProvider ReplayServices(BenchContext ctx, string table)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DynamoDb:ServiceUrl"] = ctx.Stack.BenchStoreUrl,
            ["DynamoDb:TableName"] = table,
            ["Redis:Configuration"] = ctx.Stack.RedisConfiguration,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLifestyleProjections(configuration);
        services.AddSingleton<GoalWalker>();
        services.AddSingleton<GoalRebuilder>();
        services.AddSingleton<ReplayCheckpoints>();
        services.AddSingleton<ReplayRunner>();
        return services.BuildServiceProvider();
    }

    /// <summary>Every goal's events with the projector's Query (consistent, paged), goals shared out to <paramref name="workers"/> workers.</summary>
    private static async Task<double> RawQueryAsync(IAmazonDynamoDB db, string table, List<GeneratedGoal> goals, int workers)
    {
        var next = -1;
        long events = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < goals.Count)
            {
                var g = goals[i];
                var request = new QueryRequest
                {
                    TableName = table,
                    ConsistentRead = true,
                    KeyConditionExpression = "PK = :pk AND SK BETWEEN :from AND :to",
                    ExpressionAttributeValues = new()
                    {
                        [":pk"] = new(Keys.User(g.UserId)),
                        [":from"] = new(Keys.EventPrefix(g.GoalId)),
                        [":to"] = new(Keys.EventPrefix(g.GoalId) + "~"),
                    },
                };
                do
                {
                    var page = await db.QueryAsync(request);
                    Interlocked.Add(ref events, page.Count ?? 0);
                    request.ExclusiveStartKey = page.LastEvaluatedKey;
                }
                while (request.ExclusiveStartKey is { Count: > 0 });
            }
        })));
        clock.Stop();
        var rate = events / clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  raw Query: {events:N0} events of {goals.Count:N0} goals in {clock.Elapsed.TotalSeconds:0.0} s, {rate:N0} events/s"));
        return rate;
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
                await WriteBatchAsync(db, table, batch);
                Interlocked.Add(ref items, batch.Count);
            }
        })).ToList();

        var goals = new List<GeneratedGoal>();
        try
        {
            var generator = new DataSetGenerator(new Faker { Random = new Randomizer(5) }, ctx.RunId);
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

    private static async Task WriteBatchAsync(IAmazonDynamoDB db, string table, List<Dictionary<string, AttributeValue>> batch)
    {
        var requests = new Dictionary<string, List<WriteRequest>>
        {
            [table] = batch.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }).ToList(),
        };
        for (var attempt = 0; requests.Count > 0; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(Math.Min(50 * attempt, 1000));
            }

            var response = await db.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = requests });
            requests = response.UnprocessedItems is { Count: > 0 } left && left.Values.Any(l => l.Count > 0) ? left : [];
        }
    }

    private static async Task WaitActiveAsync(IAmazonDynamoDB db, string table)
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
        var keys = server.Keys(pattern: $"{ReadModelKeys.Live.Cache}:*:bench-{ctx.RunId}-replay-*", pageSize: 1000).ToArray();
        if (keys.Length > 0)
        {
            await redis.GetDatabase().KeyDeleteAsync(keys);
        }
    }

    /// <summary>
    /// One goal at a time: created 14–60 days ago, then a realistic day-by-day history decided by the
    /// domain (<see cref="GoalDecider"/>) at simulated clock times, so every event is one the API could have appended.
    /// </summary>
    private sealed class DataSetGenerator(Faker f, string runId)
    {
        private static readonly string[] Timezones =
            ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo", "Africa/Lagos", "Asia/Kolkata"];

        private string user = "";
        private int goalsLeftForUser;
        private int userCount;

        public (GeneratedGoal Goal, List<Dictionary<string, AttributeValue>> Items) NextGoal()
        {
            if (goalsLeftForUser-- <= 0)
            {
                var name = new string(f.Internet.UserName().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
                user = $"bench-{runId}-replay-{name}-{userCount++}";
                goalsLeftForUser = f.Random.Int(1, 4) - 1;
            }

            var goalId = Guid.CreateVersion7().ToString("N");
            var (pattern, definition, template, perDay) = f.Random.Int(0, 9) switch
            {
                < 4 => (GoalPattern.Daily, new GoalDefinition("Drink 8 glasses of water daily", 8, "glasses", null, null, null), "water-8-glasses", (Func<int>)(() => f.Random.Int(0, 8))),
                < 6 => (GoalPattern.Daily, new GoalDefinition($"{f.Hacker.Verb()} {f.Hacker.Noun()}", f.Random.Int(5, 60), "minutes", null, null, null), (string?)null, () => f.Random.Int(0, 3)),
                < 8 => (GoalPattern.Weekly, new GoalDefinition("Exercise 30 minutes 3x/week", 30, "minutes", 3, null, null), "exercise-30min-3x-week", () => f.Random.Bool(0.45f) ? 1 : 0),
                _ => (GoalPattern.Limit, new GoalDefinition("At most 2 coffees a day", 2, "cups", null, null, null), null, () => f.Random.Int(0, 3)),
            };
            var tz = f.PickRandom(Timezones);
            var days = f.Random.Int(14, 60);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var first = today.AddDays(-days);
            var envelopes = new List<EventEnvelope>();
            GoalState? state = null;

            void Apply(IReadOnlyList<GoalEvent> events, DateTimeOffset now)
            {
                var stamped = GoalStream.Stamp(state, user, goalId, events, now, () => Guid.CreateVersion7(now).ToString("N"));
                state = stamped.Aggregate(state, GoalState.Evolve);
                envelopes.AddRange(stamped);
            }

            var createdAt = At(first, 5 * 60 + f.Random.Int(0, 59));
            Apply(GoalDecider.Create(new CreateGoal(goalId, user, pattern, definition, null, tz, template), 0, createdAt), createdAt);
            var changeOn = f.Random.Bool(0.15f) ? f.Random.Int(1, days - 1) : -1;
            for (var d = 0; d < days; d++)
            {
                var day = first.AddDays(d);
                var minutes = Enumerable.Range(0, perDay()).Select(_ => f.Random.Int(6 * 60, (23 * 60) + 59)).Order().ToList();
                foreach (var minute in minutes)
                {
                    var occurredAt = At(day, minute);
                    var now = occurredAt.AddMinutes(f.Random.Int(0, 30));
                    var note = f.Random.Bool(0.2f) ? f.Lorem.Sentence(f.Random.Int(3, 8)) : null;
                    Decide(new LogActivity(pattern == GoalPattern.Limit ? f.Random.Int(0, 2) : f.Random.Int(1, 5), occurredAt, note), now);
                    if (f.Random.Bool(0.015f) && state is not null && envelopes[^1].Event is ActivityLogged logged)
                    {
                        Decide(new RemoveActivity(logged.ActivityId, new FoundActivity(logged.Value, logged.OccurredAt, logged.LocalDate)), now.AddMinutes(1));
                    }
                }

                if (d == changeOn)
                {
                    Decide(new ChangeDefinition(Title: $"{state!.Definition.Title} (revised)"), At(day, 23 * 60));
                }
            }

            void Decide(GoalIntent intent, DateTimeOffset now)
            {
                try
                {
                    Apply(GoalDecider.Decide(state!, intent, now), now);
                }
                catch (GoalRuleException)
                {
                    // A rule the generator did not foresee (e.g. a local date before the start): skip, as the API would refuse it.
                }
            }

            var items = envelopes.Select(EventItems.ToItem).Append(GoalHeadItems.ToItem(state!)).ToList();
            return (new GeneratedGoal(user, goalId, envelopes.Count), items);
        }

        private static DateTimeOffset At(DateOnly day, int minuteOfDay) =>
            new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(minuteOfDay);
    }
}
