using Lifestyle.Domain.Insights;
using Xunit;

namespace Lifestyle.Domain.Tests.Insights;

/// <summary>Template ranking: similar users with k-anonymity, success pattern, season, popularity (docs/insights.md).</summary>
public sealed class RecommenderTests
{
    private const string Water = "water-8-glasses";
    private const string Sleep = "sleep-8-hours";
    private const string Exercise = "exercise-30min-3x-week";
    private const int March = 3;

    private static TemplateStats Stats(params (string Set, int Users)[] sets) =>
        new(new DateOnly(2026, 3, 1), sets.ToDictionary(s => s.Set, s => s.Users));

    private static HashSet<string> Set(params string[] ids) => [.. ids];

    [Fact]
    public void Sleep_is_recommended_for_similar_users_when_20_other_water_adopters_also_adopted_it()
    {
        // Given 30 users who adopted water and sleep, and this user with water only (counted as such)
        var stats = Stats(($"{Sleep}+{Water}", 30), (Water, 1));

        // When ranked
        var ranked = Recommender.Rank(stats, Set(Water), Set(Water), null, March);

        // Then sleep comes first, for similar users (30 of 30 co-adopted) and popularity
        Assert.Equal(new[] { "similar-users", "popular" }, ranked[0].Reasons);
        Assert.Equal((Sleep, 0.5968m), (ranked[0].TemplateId, ranked[0].Score)); // 0.5 × 30/30 + 0.1 × 30/31
    }

    [Fact]
    public void With_fewer_than_20_similar_users_the_similar_users_reason_is_absent()
    {
        var stats = Stats(($"{Sleep}+{Water}", 10), (Water, 1));

        var ranked = Recommender.Rank(stats, Set(Water), Set(Water), null, March);

        Assert.DoesNotContain(ranked, r => r.Reasons.Contains("similar-users"));
    }

    [Fact]
    public void The_user_is_not_counted_among_their_own_similar_users()
    {
        // 20 users hold water + sleep, the user among them: 19 others, under the floor
        var stats = Stats(($"{Sleep}+{Water}", 15), ($"{Exercise}+{Sleep}+{Water}", 5));

        var ranked = Recommender.Rank(stats, Set(Water, Sleep), Set(Water, Sleep), null, March);

        Assert.DoesNotContain(ranked, r => r.Reasons.Contains("similar-users"));
    }

    [Fact]
    public void A_user_with_no_history_gets_the_seasonal_and_the_popular_templates()
    {
        var stats = Stats((Sleep, 25), ("", 5));

        var ranked = Recommender.Rank(stats, Set(), null, null, 7);

        Assert.Equal(new[] { (Water, "season"), (Sleep, "popular") }, ranked.Select(r => (r.TemplateId, string.Join(",", r.Reasons))));
    }

    [Fact]
    public void Adopted_templates_are_never_recommended_and_at_most_five_are()
    {
        var ranked = Recommender.Rank(TemplateStats.Empty(new DateOnly(2026, 1, 1)), Set(Exercise), null, "daily", 1);

        Assert.DoesNotContain(ranked, r => r.TemplateId == Exercise);
        Assert.Equal(4, ranked.Count); // the four daily templates, for the success pattern
        Assert.All(ranked, r => Assert.Equal(["success-pattern"], r.Reasons));
    }

    [Fact]
    public void January_names_exercise_and_the_summer_months_water()
    {
        Assert.Equal([Exercise, Water, Water, Water], new[] { 1, 6, 7, 8 }.Select(Seasons.TemplateOf));
    }

    [Fact]
    public void The_success_pattern_is_the_most_met_pattern_kind_of_at_least_half_its_days()
    {
        GoalInsight Insight(string pattern, int days, int met) => new("g", pattern, default, days, met, null, null, null, null, null);

        Assert.Equal("weekly", SuccessPattern.Of([Insight("daily", 28, 14), Insight("weekly", 28, 20), Insight("limit", 10, 4)]));
        Assert.Null(SuccessPattern.Of([Insight("daily", 28, 13)]));
        Assert.Equal("daily", SuccessPattern.Of([Insight("daily", 10, 7), Insight("weekly", 20, 14)])); // a tie: daily first
    }
}
