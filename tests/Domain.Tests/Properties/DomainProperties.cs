using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Time;
using Xunit;

namespace Lifestyle.Domain.Tests.Properties;

/// <summary>
/// docs/product-rules.md §4: every figure is a total function of the events. For any sequence of commands the
/// domain accepts, the folds and calculators never throw, folding in two parts equals folding in
/// one, and the figures keep their invariants. A fixed seed and count in CI; more with
/// <c>LIFESTYLE_PROPERTY_CASES</c> (and another seed with <c>LIFESTYLE_PROPERTY_SEED</c>).
/// </summary>
public sealed class DomainProperties
{
    [Fact]
    public void Folds_and_calculators_never_throw_on_what_the_domain_accepts() =>
        Check(s =>
        {
            var run = ScenarioRun.Play(s);
            foreach (var now in ReadMoments(run, s))
            {
                Evaluate(GoalProjection.Fold(run.History), now);
            }
        });

    [Fact]
    public void Folding_in_two_parts_equals_folding_in_one_pass() =>
        Check(s =>
        {
            var run = ScenarioRun.Play(s);
            var whole = GoalProjection.Fold(run.History);
            for (var k = 0; k <= run.History.Count; k++)
            {
                var resumed = run.History.Skip(k).Aggregate(GoalProjection.Fold(run.History.Take(k)), GoalProjection.Evolve);
                Assert.Equal(Json(whole), Json(resumed));
            }
        });

    [Fact]
    public void Figures_keep_their_invariants() =>
        Check(s =>
        {
            var run = ScenarioRun.Play(s);
            if (GoalProjection.Fold(run.History) is not { } p)
            {
                return;
            }

            var live = LiveValues(run.History);
            Assert.Equal(live.Sum(), p.Total);
            Assert.Equal(live.Count, p.LogCount);
            Assert.Equal(p.Total, run.State!.Sum);
            Assert.Equal(p.Total, p.Days.Values.Sum(d => d.Total));
            foreach (var now in ReadMoments(run, s))
            {
                var f = ProgressCalculator.Evaluate(p, now);
                Assert.Equal(f.Progress.Target == 0, f.Progress.Percent is null);
                Assert.Equal(p.Total, f.Progress.Total);
                Assert.True(f.Streak is null || f.Streak.Longest >= f.Streak.Current, $"{f.Streak}");
                Assert.Equal(p.Pattern is GoalPattern.Total or GoalPattern.Milestones, f.Streak is null);
            }
        });

    private static void Evaluate(GoalProjection? p, DateTimeOffset now)
    {
        if (p is null)
        {
            return;
        }

        var f = ProgressCalculator.Evaluate(p, now);
        var from = GoalClock.AddDaysClamped(p.StartDate, -3);
        var to = GoalClock.AddDaysClamped(from, 365) < f.Today ? GoalClock.AddDaysClamped(from, 365) : f.Today;
        _ = SeriesCalculator.Days(p, from, to).Count();
        _ = SeriesCalculator.Weeks(p, GoalClock.AddDaysClamped(f.Today, -7 * 105), f.Today, f.Today).Count();
        _ = SeriesCalculator.Week(p, DateOnly.MaxValue, DateOnly.MaxValue);
        _ = SeriesCalculator.Days(p, DateOnly.MinValue, DateOnly.MinValue.AddDays(2)).Count();
    }

    private static IEnumerable<DateTimeOffset> ReadMoments(ScenarioRun run, Scenario s) =>
        s.ReadOffsetsDays.Select(d => run.Now.AddDays(d)).Prepend(run.Now);

    private static List<decimal> LiveValues(IReadOnlyList<EventEnvelope> history)
    {
        var events = history.Select(e => e.Event).ToList();
        var removed = events.OfType<ActivityRemoved>().Select(r => r.ActivityId).ToHashSet();
        return [.. events.OfType<ActivityLogged>().Where(a => !removed.Contains(a.ActivityId)).Select(a => a.Value)];
    }

    private static string Json(GoalProjection? p) => JsonSerializer.Serialize(p);

    internal static void Check(Action<Scenario> property)
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("LIFESTYLE_PROPERTY_CASES"), out var n) ? n : 300;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("LIFESTYLE_PROPERTY_SEED"), out var s) ? s : 20261202UL;
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithReplay(seed, 1442695040888963407UL).WithEndSize(60);
        FsCheck.Check.One(config, Prop.ForAll(ScenarioGen.Scenarios(), property));
    }
}
