using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests;

/// <summary>The per-pattern definition rules of docs/product-rules.md §4, as enforced when a goal is created.</summary>
public class DefinitionRulesTests
{
    private readonly Fake fake = new(202);
    private readonly GoalSpec spec = new();

    private void Accepted(GoalPattern pattern, GoalDefinition definition)
    {
        var created = (GoalCreated)Assert.Single(spec.WhenCreating(fake.Create(pattern, definition)).Decide());
        Assert.Equal(definition, created.Definition);
        Assert.Empty(GoalDefinitionRules.Check(pattern, definition));
    }

    private void Refused(GoalPattern pattern, GoalDefinition definition, string field)
    {
        spec.WhenCreating(fake.Create(pattern, definition)).ThenFailsOn(field);
        Assert.Contains(field, GoalDefinitionRules.Check(pattern, definition).Keys);
    }

    [Theory]
    [InlineData(GoalPattern.Daily, 0)]
    [InlineData(GoalPattern.Daily, -1)]
    [InlineData(GoalPattern.Weekly, 0)]
    [InlineData(GoalPattern.Total, 0)]
    [InlineData(GoalPattern.Total, -0.01)]
    public void Daily_weekly_and_total_goals_need_a_target_above_zero(GoalPattern pattern, decimal target) =>
        Refused(pattern, fake.Definition(pattern) with { Target = target }, "target");

    [Theory]
    [InlineData(GoalPattern.Daily, 0.01)]
    [InlineData(GoalPattern.Weekly, 1)]
    [InlineData(GoalPattern.Total, 1000000000)]
    public void Daily_weekly_and_total_goals_accept_a_positive_target(GoalPattern pattern, decimal target) =>
        Accepted(pattern, fake.Definition(pattern) with { Target = target });

    [Fact]
    public void A_target_above_one_billion_is_refused() =>
        Refused(GoalPattern.Total, fake.Definition(GoalPattern.Total) with { Target = GoalLimits.MaxTarget + 1 }, "target");

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Limit_goals_accept_a_target_of_zero_or_more(decimal target) =>
        Accepted(GoalPattern.Limit, fake.Definition(GoalPattern.Limit) with { Target = target });

    [Fact]
    public void Limit_goals_refuse_a_negative_target() =>
        Refused(GoalPattern.Limit, fake.Definition(GoalPattern.Limit) with { Target = -1 }, "target");

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Weekly_goals_accept_times_per_week_from_1_to_7(int times) =>
        Accepted(GoalPattern.Weekly, fake.Definition(GoalPattern.Weekly) with { TimesPerWeek = times });

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(8)]
    public void Weekly_goals_refuse_missing_or_out_of_range_times_per_week(int? times) =>
        Refused(GoalPattern.Weekly, fake.Definition(GoalPattern.Weekly) with { TimesPerWeek = times }, "timesPerWeek");

    [Theory]
    [InlineData(GoalPattern.Daily)]
    [InlineData(GoalPattern.Total)]
    [InlineData(GoalPattern.Limit)]
    [InlineData(GoalPattern.Milestones)]
    public void Times_per_week_is_refused_on_other_patterns(GoalPattern pattern) =>
        Refused(pattern, fake.Definition(pattern) with { TimesPerWeek = 3 }, "timesPerWeek");

    [Theory]
    [InlineData(new[] { 5.0 })]
    [InlineData(new[] { 0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0 })]
    public void Milestones_goals_accept_1_to_10_strictly_ascending_positive_thresholds(double[] thresholds) =>
        Accepted(GoalPattern.Milestones, fake.Milestones([.. thresholds.Select(t => (decimal)t)]));

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0 })]
    [InlineData(new[] { 10.0, 10.0 })]
    [InlineData(new[] { 20.0, 10.0 })]
    [InlineData(new[] { 0.0, 10.0 })]
    [InlineData(new[] { -5.0, 10.0 })]
    public void Milestones_goals_refuse_empty_too_many_unordered_or_non_positive_thresholds(double[] thresholds) =>
        Refused(GoalPattern.Milestones, fake.Milestones([.. thresholds.Select(t => (decimal)t)]), "milestones");

    [Fact]
    public void Milestones_goals_refuse_missing_thresholds() =>
        Refused(GoalPattern.Milestones, fake.Milestones(10m) with { Milestones = null }, "milestones");

    [Theory]
    [InlineData(25)]
    [InlineData(15)]
    [InlineData(10)]
    public void Milestones_goals_refuse_a_target_other_than_the_last_threshold(decimal target) =>
        Refused(GoalPattern.Milestones, fake.Milestones(10m, 20m) with { Target = target }, "target");

    [Theory]
    [InlineData(GoalPattern.Daily)]
    [InlineData(GoalPattern.Weekly)]
    [InlineData(GoalPattern.Total)]
    [InlineData(GoalPattern.Limit)]
    public void Milestones_are_refused_on_other_patterns(GoalPattern pattern) =>
        Refused(pattern, fake.Definition(pattern) with { Milestones = [10m] }, "milestones");

    [Theory]
    [InlineData(1)]
    [InlineData(120)]
    public void Titles_of_1_to_120_characters_are_accepted(int length) =>
        Accepted(GoalPattern.Daily, fake.Definition(GoalPattern.Daily) with { Title = fake.F.Random.String2(length) });

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Blank_titles_are_refused(string? title) =>
        Refused(GoalPattern.Daily, fake.Definition(GoalPattern.Daily) with { Title = title! }, "title");

    [Fact]
    public void Titles_over_120_characters_are_refused() =>
        Refused(GoalPattern.Daily, fake.Definition(GoalPattern.Daily) with { Title = fake.F.Random.String2(121) }, "title");

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void Units_of_at_most_32_characters_are_accepted(int length) =>
        Accepted(GoalPattern.Daily, fake.Definition(GoalPattern.Daily) with { Unit = fake.F.Random.String2(length) });

    [Fact]
    public void A_missing_unit_is_accepted() =>
        Accepted(GoalPattern.Daily, fake.Definition(GoalPattern.Daily) with { Unit = null });

    [Fact]
    public void Units_over_32_characters_are_refused() =>
        Refused(GoalPattern.Daily, fake.Definition(GoalPattern.Daily) with { Unit = fake.F.Random.String2(33) }, "unit");
}
