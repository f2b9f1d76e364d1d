using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests.Regressions;

/// <summary>docs/product-rules.md §4: amounts have at most 4 decimals; targets and milestones at most 1,000,000,000, values at most 1,000,000.</summary>
public sealed class AmountBoundsTests
{
    private readonly Fake fake = new();

    private static GoalDefinition Def(decimal target, IReadOnlyList<decimal>? milestones = null) =>
        new("Amounts", target, null, null, milestones, null);

    [Theory]
    [InlineData("0.000000000000000000000000001")]
    [InlineData("0.00001")]
    [InlineData("8.12345")]
    [InlineData("1000000000.5")]
    [InlineData("1000000001")]
    public void A_total_target_that_is_too_fine_or_too_large_is_validation_failed(string target)
    {
        var errors = GoalDefinitionRules.Check(GoalPattern.Total, Def(decimal.Parse(target, Culture.Invariant)));

        Assert.Contains("target", errors.Keys);
    }

    [Theory]
    [InlineData("0.0001")]
    [InlineData("8.12340000")]
    [InlineData("1000000000")]
    public void A_target_with_at_most_four_decimals_after_trailing_zeros_is_accepted(string target)
    {
        Assert.Empty(GoalDefinitionRules.Check(GoalPattern.Total, Def(decimal.Parse(target, Culture.Invariant))));
    }

    [Fact]
    public void A_milestone_finer_than_four_decimals_is_validation_failed()
    {
        var errors = GoalDefinitionRules.Check(GoalPattern.Milestones, Def(2m, [0.00001m, 2m]));

        Assert.Contains("milestones", errors.Keys);
    }

    [Theory]
    [InlineData("0.00001")]
    [InlineData("1.123456")]
    public void A_value_finer_than_four_decimals_is_validation_failed(string value)
    {
        new GoalSpec().Given(fake.Created(GoalPattern.Total, definition: Def(100m)))
            .When(new LogActivity(decimal.Parse(value, Culture.Invariant), null, null))
            .ThenFailsOn("value");
    }

    [Fact]
    public void An_occurredAt_at_the_start_of_the_calendar_is_invalid_date_range_in_a_zone_west_of_UTC()
    {
        new GoalSpec().Given(fake.Created(GoalPattern.Daily, timezone: "America/New_York", definition: Def(8m)))
            .When(new LogActivity(1m, DateTimeOffset.MinValue, null))
            .ThenFails(GoalErrorCode.InvalidDateRange);
    }
}
