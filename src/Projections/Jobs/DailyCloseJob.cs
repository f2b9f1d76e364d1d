using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Lifestyle.Domain.Progress;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Projections.Notifications;
using Lifestyle.Projections.Projection;
using Lifestyle.Projections.Projection.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Lifestyle.Projections.Jobs;

/// <summary>
/// The daily close (docs/product-rules.md §6; midnight UTC in AWS, <c>daily-close</c> locally): walks the active goals through the
/// sharded GSI1, evaluates each goal's live fold (<c>PROGRESS#</c>) and records and publishes streaks broken and at
/// risk (<see cref="DailyCloseFacts"/>) and, where a Sunday closes, each user's weekly summary. Every notification
/// goes through the notification items, so running it again for the same date sends nothing new. The facts are
/// recorded first and published after the walk (by this run's outbox, or by the process's own publisher). The same walk
/// gathers each goal's insight; the insights read models are written after it (<see cref="InsightsClose"/>).
/// </summary>
public sealed class DailyCloseJob(
    ActiveGoalIndex index, StoredProjections stored, ReadModelVersions versions, NotificationSender sender, NotificationSweeper sweeper,
    NotificationOutbox outbox, IOptions<SnsOptions> sns, InsightsClose insights, IConfiguration configuration)
{
    private const int ParallelShards = 4;

    public async Task<DailyCloseResult> RunAsync(DateOnly date, CancellationToken ct)
    {
        if (!sns.Value.IsEnabled)
        {
            throw new InvalidOperationException("notifications are off: set Sns__ServiceUrl (local) or Sns__TopicArn (AWS).");
        }

        var clock = Stopwatch.StartNew();
        var drainHere = !outbox.HasPublisher;
        outbox.HasPublisher = true;
        var swept = await sweeper.SweepAsync(ct);
        await versions.RefreshIfDueAsync(ct);
        var keys = versions.Live;
        var tally = new Tally();
        var gathered = new InsightsAccumulator(date);
        var summaries = new ConcurrentDictionary<(string UserId, DateOnly Sunday), ConcurrentBag<JsonObject>>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Keys.StatusShards),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelShards, CancellationToken = ct },
            async (shard, token) =>
            {
                await foreach (var goal in index.ShardAsync(shard, token))
                {
                    if (await stored.LoadAsync(goal.UserId, goal.GoalId, keys, token) is not { } p)
                    {
                        continue; // created moments ago, not projected yet: nothing to close
                    }

                    Interlocked.Increment(ref tally.Goals);
                    gathered.AddActive(p);
                    foreach (var fact in DailyCloseFacts.For(p, date))
                    {
                        tally.Count(fact.Type, await sender.SendAsync(fact, token));
                    }

                    if (WeeklySummary.ClosedSunday(p, date) is { } sunday)
                    {
                        summaries.GetOrAdd((p.UserId, sunday), _ => []).Add(WeeklySummary.Entry(p, sunday));
                    }
                }
            });

        foreach (var ((userId, sunday), goals) in summaries)
        {
            tally.Count(NotificationTypes.WeeklySummary, await sender.SendAsync(WeeklySummary.For(userId, sunday, date, goals), ct));
        }

        // DailyClose:Insights=false leaves the insights out (the benchmark's plain close).
        if (configuration.GetValue("DailyClose:Insights", true))
        {
            tally.Insights = await insights.FinishAsync(gathered, versions.Maintained, ct);
        }

        if (drainHere)
        {
            await outbox.DrainAsync(sender, ct);
        }

        return tally.Result(date, swept, clock.Elapsed);
    }

    private sealed class Tally
    {
        public int Goals;
        public int Insights;
        private int broken;
        private int atRisk;
        private int summaries;
        private int already;
        private int pending;

        public void Count(string type, SendOutcome outcome)
        {
            if (outcome == SendOutcome.AlreadyRecorded)
            {
                Interlocked.Increment(ref already);
                return;
            }

            if (outcome == SendOutcome.Pending)
            {
                Interlocked.Increment(ref pending);
            }

            _ = type switch
            {
                NotificationTypes.StreakBroken => Interlocked.Increment(ref broken),
                NotificationTypes.StreakAtRisk => Interlocked.Increment(ref atRisk),
                _ => Interlocked.Increment(ref summaries),
            };
        }

        public DailyCloseResult Result(DateOnly date, int swept, TimeSpan elapsed) =>
            new(date, Goals, broken, atRisk, summaries, already, pending, swept, elapsed) { Insights = Insights };
    }
}
