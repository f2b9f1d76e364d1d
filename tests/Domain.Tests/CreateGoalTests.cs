using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Time;
using Xunit;

namespace Lifestyle.Domain.Tests;

public class CreateGoalTests
{
    private readonly Fake fake = new(101);
    private readonly GoalSpec spec = new();

    [Fact]
    public void Creating_a_goal_records_GoalCreated_with_every_field_of_the_intent()
    {
        var start = GoalSpec.Today.AddDays(-3);
        var c = fake.Create(GoalPattern.Weekly, startDate: start, timezone: "Europe/Berlin", templateId: "exercise-30min-3x-week");

        spec.WhenCreating(c).Then(
            new GoalCreated(c.GoalId, c.UserId, GoalPattern.Weekly, c.Definition, start, "Europe/Berlin", "exercise-30min-3x-week"));
    }

    [Fact]
    public void Creating_with_49_open_goals_succeeds()
    {
        var events = spec.WhenCreating(fake.Create(), GoalLimits.MaxOpenGoals - 1, GoalSpec.Now).Decide();

        Assert.IsType<GoalCreated>(Assert.Single(events));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(51)]
    public void Creating_with_50_or_more_open_goals_fails_with_goal_quota_exceeded(int openGoals)
    {
        Assert.Equal(50, GoalLimits.MaxOpenGoals);
        spec.WhenCreating(fake.Create(), openGoals, GoalSpec.Now).ThenFails(GoalErrorCode.GoalQuotaExceeded);
    }

    [Fact]
    public void Start_date_defaults_to_today_in_UTC()
    {
        var created = (GoalCreated)Assert.Single(spec.WhenCreating(fake.Create()).Decide());

        Assert.Equal(GoalSpec.Today, created.StartDate);
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-10T02:00:00Z", "2026-03-09")]
    [InlineData("Asia/Tokyo", "2026-03-10T16:00:00Z", "2026-03-11")]
    [InlineData("UTC", "2026-03-10T23:59:59Z", "2026-03-10")]
    public void Start_date_defaults_to_today_in_the_goals_timezone(string timezone, string now, string expected)
    {
        var c = fake.Create(timezone: timezone);

        var created = (GoalCreated)Assert.Single(spec.WhenCreating(c, 0, Culture.Utc(now)).Decide());

        Assert.Equal(Culture.Date(expected), created.StartDate);
        Assert.Equal(timezone, created.Timezone);
    }

    [Theory]
    [InlineData(366)]
    [InlineData(-366)]
    [InlineData(0)]
    public void Start_date_within_366_days_of_today_is_accepted(int days)
    {
        var start = GoalSpec.Today.AddDays(days);

        var created = (GoalCreated)Assert.Single(spec.WhenCreating(fake.Create(startDate: start)).Decide());

        Assert.Equal(start, created.StartDate);
    }

    [Theory]
    [InlineData(367)]
    [InlineData(-367)]
    public void Start_date_beyond_366_days_of_today_fails_with_invalid_date_range(int days) =>
        spec.WhenCreating(fake.Create(startDate: GoalSpec.Today.AddDays(days))).ThenFails(GoalErrorCode.InvalidDateRange);

    [Fact]
    public void Start_date_window_is_measured_from_today_in_the_goals_timezone()
    {
        // 02:00 UTC on 10 March is still 9 March in New York: 366 days before the local today is fine,
        // although it is 367 days before the UTC date.
        var now = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
        var localToday = GoalClock.LocalDate(now, "America/New_York");
        var start = localToday.AddDays(-366);

        var created = (GoalCreated)Assert.Single(
            spec.WhenCreating(fake.Create(startDate: start, timezone: "America/New_York"), 0, now).Decide());

        Assert.Equal(start, created.StartDate);
        spec.WhenCreating(fake.Create(startDate: start.AddDays(-1), timezone: "America/New_York"), 0, now)
            .ThenFails(GoalErrorCode.InvalidDateRange);
    }

    [Fact]
    public void End_date_before_start_date_fails_with_invalid_date_range()
    {
        var start = GoalSpec.Today.AddDays(5);
        var definition = fake.Definition(GoalPattern.Total) with { EndDate = start.AddDays(-1) };

        spec.WhenCreating(fake.Create(GoalPattern.Total, definition, start)).ThenFails(GoalErrorCode.InvalidDateRange);
    }

    [Fact]
    public void End_date_before_the_defaulted_start_date_fails_with_invalid_date_range()
    {
        var definition = fake.Definition(GoalPattern.Total) with { EndDate = GoalSpec.Today.AddDays(-1) };

        spec.WhenCreating(fake.Create(GoalPattern.Total, definition)).ThenFails(GoalErrorCode.InvalidDateRange);
    }

    [Fact]
    public void End_date_on_the_start_date_is_accepted()
    {
        var definition = fake.Definition(GoalPattern.Total) with { EndDate = GoalSpec.Today };
        var c = fake.Create(GoalPattern.Total, definition);

        spec.WhenCreating(c).Then(new GoalCreated(c.GoalId, c.UserId, GoalPattern.Total, definition, GoalSpec.Today, "UTC", null));
    }

    [Fact]
    public void Deciding_a_create_on_an_existing_goal_is_a_programming_error()
    {
        spec.Given(fake.Created());

        Assert.Throws<InvalidOperationException>(() => spec.When(fake.Create()).Decide());
    }
}
