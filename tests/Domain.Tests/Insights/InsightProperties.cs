using FsCheck;
using FsCheck.Fluent;
using Lifestyle.Domain.Insights;
using Lifestyle.Domain.Progress;
using Lifestyle.Domain.Templates;
using Lifestyle.Domain.Tests.Properties;
using Xunit;

namespace Lifestyle.Domain.Tests.Insights;

/// <summary>
/// The insight calculator is total over every fold the domain can produce and any closed day, and keeps its
/// invariants; the recommender never offers an adopted template nor names similar users under 20 of them.
/// </summary>
public sealed class InsightProperties
{
    private static readonly DateOnly[] Extremes = [DateOnly.MinValue, DateOnly.MinValue.AddDays(3), DateOnly.MaxValue, DateOnly.MaxValue.AddDays(-3)];

    [Fact]
    public void Insights_never_throw_and_keep_their_invariants() =>
        DomainProperties.Check(s =>
        {
            var run = ScenarioRun.Play(s);
            if (GoalProjection.Fold(run.History) is not { } p)
            {
                return;
            }

            var days = s.ReadOffsetsDays.Select(d => DateOnly.FromDateTime(run.Now.AddDays(d).UtcDateTime)).Concat(Extremes);
            foreach (var asOf in days.Append(p.StartDate).Append(p.StartDate.AddDays(-1)))
            {
                var i = InsightCalculator.For(p, asOf);
                Assert.InRange(i.Days, 0, DayWindow.Length);
                Assert.InRange(i.DaysMet, 0, i.Days);
                Assert.True(i.MetRate is null or >= 0 and <= 1, $"{i.MetRate}");
                Assert.Equal(i.MetRate is null, i.Suggestion is null);
                if (i.Suggestion is { ProposedTarget: { } proposed } suggestion)
                {
                    var step = SuggestionRules.Step(p);
                    Assert.Equal(0, proposed % step);
                    Assert.True(proposed >= step);
                    Assert.True(suggestion.Kind == "lower-target" ? proposed < p.Definition.Target : proposed > p.Definition.Target, $"{suggestion}");
                }
            }
        });

    [Fact]
    public void Recommendations_skip_adopted_templates_and_respect_the_cohort_floor() =>
        FsCheck.Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(20261202UL, 1442695040888963407UL),
            Prop.ForAll(Arbitraries(), input =>
            {
                var (sets, mine, month) = input;
                var adopted = mine.ToHashSet();
                var stats = TemplateStats.From(new DateOnly(2026, 1, 1), sets.Append(mine));
                var ranked = Recommender.Rank(stats, adopted, adopted, "daily", month);
                var others = stats.Count(adopted).Holding - 1;
                Assert.True(ranked.Count <= Recommender.Max);
                Assert.All(ranked, r => Assert.DoesNotContain(r.TemplateId, adopted));
                Assert.All(ranked, r => Assert.InRange(r.Score, 0m, 1m));
                Assert.True(others >= Recommender.MinCohort || ranked.All(r => !r.Reasons.Contains("similar-users")));
            }));

    private static Arbitrary<(string[][] Sets, string[] Mine, int Month)> Arbitraries()
    {
        var ids = GoalTemplates.All.Select(t => t.Id).ToArray();
        var set = Gen.SubListOf(ids).Select(l => l.ToArray());
        var gen = from sets in Gen.ArrayOf(set)
                  from mine in set
                  from month in Gen.Choose(-2, 14)
                  select (sets, mine, month);
        return gen.ToArbitrary();
    }
}
