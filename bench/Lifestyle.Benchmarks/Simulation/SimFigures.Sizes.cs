using Lifestyle.Infrastructure.Storage;
using static Lifestyle.Benchmarks.Simulation.SimReport;

namespace Lifestyle.Benchmarks.Simulation;

/// <summary>The rows of item sizes, the daily close and erasure.</summary>
public static partial class SimFigures
{
    private const string LoggedEvent = ItemKinds.Event + " activity-logged.v1";

    private static int Mean(SimRun run, string kind) => (int)Math.Round(run.Final!.Sizes(kind).Mean);

    /// <summary>The progress item of the history goal <paramref name="i"/> (<see cref="SimHistory.Lengths"/>).</summary>
    private static int Progress(SimRun run, int i) => run.Final!.Items(ItemKinds.Progress)
        .Where(p => p["goalId"].S == run.History[i].Goals[0].Id).Select(ItemSize.Of).Single();

    private static void SizeRows(SimReport r, SimRun run)
    {
        var (evt, head, idem) = (Mean(run, LoggedEvent), Mean(run, ItemKinds.Goal), Mean(run, ItemKinds.Idempotency));
        r.Add("bytes: event `activity-logged` / head / idempotency", "587 / 568 / 298", $"{evt:N0} / {head:N0} / {idem:N0}", 587, evt,
            $"means over {run.Final!.Count(LoggedEvent):N0} events, {run.Final.Count(ItemKinds.Goal):N0} heads, {run.Final.Count(ItemKinds.Idempotency):N0} records; 36-character user ids");
        var p = Enumerable.Range(0, SimHistory.Lengths.Length).Select(i => Progress(run, i)).ToArray();
        r.Add("bytes: progress `P(d)` at d = 1 / 180 / 365", "1,070 / 7,693 / 14,538", string.Join(" / ", p.Select(b => b.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))),
            7693, p[1], "PROGRESS# of the history goals (daily, met once a day, no notes)");
        var perDay = (p[2] - p[1]) / (double)(SimHistory.Lengths[2] - SimHistory.Lengths[1]);
        r.Add("bytes per active day in the fold", "37", F(perDay, "0.0"), 37, perDay, "(P(365) − P(180)) / 185");
        var snapshots = (Mean(run, ItemKinds.Snapshot), Mean(run, ItemKinds.Rollup), Mean(run, ItemKinds.Streak), Mean(run, ItemKinds.Notification));
        var oneGoal = run.History.Select(u => run.Final.Items(ItemKinds.Insights).FirstOrDefault(i => i[Keys.PK].S == Keys.User(u.User.Id)))
            .Where(i => i is not null).Select(i => ItemSize.Of(i!)).DefaultIfEmpty().Average();
        var three = Mean(run, ItemKinds.Insights);
        r.Add("bytes: snapshot / rollup / streak / insights (1 goal) / notification", "208 / 214 / 164 / 380 / ~800",
            $"{snapshots.Item1:N0} / {snapshots.Item2:N0} / {snapshots.Item3:N0} / {oneGoal:N0} / {snapshots.Item4:N0}", 380, oneGoal,
            $"means; insights of the 1-goal history users (all users' mean, mostly 3 goals: {three:N0} B); notifications as the close left them (sent)");
        r.Add("bytes per Redis goal view at d = 180 (memory, with overhead)", "~8,400", run.RedisView.Count > 1 ? run.RedisView[1].ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "–",
            8400, run.RedisView.Count > 1 ? run.RedisView[1] : null, $"Redis MEMORY USAGE of the 180-day goal's hash (1 / 365 days: {string.Join(" / ", run.RedisView.Where((_, i) => i != 1))} B)");
    }

    private static void CloseRows(SimReport r, SimRun run)
    {
        var (plain, counts) = (run.Plain!, run.PlainCounts);
        var goals = (double)Math.Max(plain.Goals, 1);
        r.Add("daily close: GetItem per goal", "1.00", F(counts["GetItem"] / goals), 1, counts["GetItem"] / goals, $"bench proxy over the plain close of {plain.Goals:N0} goals");
        var facts = plain.Broken + plain.AtRisk;
        r.Add("daily close: facts per goal", "0.4", F(facts / goals), 0.4, facts / goals,
            $"{plain.AtRisk:N0} at risk, {plain.Broken:N0} broken{(plain.Summaries > 0 ? $", {plain.Summaries:N0} weekly summaries" : "")}: from the population's own streaks");
        var writes = (counts["PutItem"] + counts["UpdateItem"]) / (double)Math.Max(facts + plain.Summaries, 1);
        r.Add("daily close: writes per fact (outbox / sweeper)", "2 / 4 requests (4 / 8 WCU)", $"{F(writes)} / not reached", 2, writes,
            $"(PutItem {counts["PutItem"]:N0} + UpdateItem {counts["UpdateItem"]:N0}) / facts; the outbox (10,000) never filled, so no sweeper path");
        var shards = (double)Keys.StatusShards;
        var perShard = Math.Ceiling(run.Final!.Count(ItemKinds.Goal) / shards * Mean(run, ItemKinds.Goal) / (1024.0 * 1024));
        var pages = (counts["Query"] - shards) / shards;
        r.Add("daily close: GSI1 Query pages per shard", "`⌈1.9 M × 568 B / 1 MB⌉ ≈ 1,030`", F(pages), perShard, pages,
            $"bench proxy, less the 16 Queries of the sweep the job starts with; the plan's formula at this scale gives {perShard:0} (the ratio compares with it)");
        var rate = plain.Goals / Math.Max(plain.Elapsed.TotalSeconds, 1e-9);
        r.Add("daily close: goals/s, 4 in flight", "556 (AWS) / 1,231 (local)", $"{rate:N0} (local)", 1231, rate, "plain close, in the bench process, on the shared 2-core machine");
        var (with, all) = (run.WithInsights!, run.InsightsCounts);
        var perUser = (all["PutItem"] - counts["PutItem"] + all["GetItem"] - counts["GetItem"]) / (double)Math.Max(with.Insights, 1);
        r.Add("insights: requests per user (Put + GetItem)", "2", F(perUser), 2, perUser,
            $"(close with insights − plain close) PutItem + GetItem / {with.Insights:N0} users; its walk adds {all["Query"] - counts["Query"]:N0} Queries");
        var mine = run.Final.ByKind.Values.SelectMany(v => v).Count(i => i[Keys.PK].S == Keys.User(run.ErasedUser));
        r.Add("erasure: items per user (a year, 30 % active days)", "~1,600", $"{run.ErasedItems:N0} after {run.HistoryDays + 1} active days", null, null,
            $"DELETE /v1/me of one active user (3 goals; {mine:N0} items in the census); a year at 30 % is not simulated");
        r.Add("GSI1: largest of 16 shards over 1 M goal ids", "≤ 1.05× the mean", "not simulated", null, null, "GoalShardDistributionTests (tests/Projections.Tests) checks 1 M ids");
    }
}
