using Lifestyle.Domain.Events;
using Lifestyle.Domain.Goals;
using Xunit;

namespace Lifestyle.Domain.Tests;

/// <summary>Logging: occurredAt, local dates in the goal's timezone, the goal's dates and activity ids.</summary>
public class LogActivityTimeTests
{
    private readonly Fake fake = new(606);
    private readonly GoalSpec spec = new();

    private ActivityLogged LoggedBy(LogActivity intent, DateTimeOffset now) =>
        Assert.IsType<ActivityLogged>(Assert.Single(spec.When(intent, now).Decide()));

    [Fact]
    public void Occurred_at_defaults_to_now()
    {
        spec.Given(fake.Created());

        var logged = LoggedBy(new LogActivity(fake.Amount(), null, null), GoalSpec.Now);

        Assert.Equal(GoalSpec.Now, logged.OccurredAt);
        Assert.Equal(GoalSpec.Today, logged.LocalDate);
    }

    [Fact]
    public void Occurred_at_is_recorded_in_UTC()
    {
        spec.Given(fake.Created());
        var occurredAt = new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.FromHours(9));

        var logged = LoggedBy(new LogActivity(fake.Amount(), occurredAt, null), GoalSpec.Now);

        Assert.Equal(TimeSpan.Zero, logged.OccurredAt.Offset);
        Assert.Equal(occurredAt.UtcDateTime, logged.OccurredAt.UtcDateTime);
    }

    [Fact]
    public void Occurred_at_exactly_five_minutes_in_the_future_is_accepted()
    {
        spec.Given(fake.Created());
        var occurredAt = GoalSpec.Now.AddMinutes(5);

        Assert.Equal(occurredAt, LoggedBy(new LogActivity(fake.Amount(), occurredAt, null), GoalSpec.Now).OccurredAt);
    }

    [Fact]
    public void Occurred_at_more_than_five_minutes_in_the_future_fails_with_validation_failed() =>
        spec.Given(fake.Created())
            .When(new LogActivity(fake.Amount(), GoalSpec.Now.AddMinutes(5).AddTicks(1), null))
            .ThenFailsOn("occurredAt");

    [Theory]
    [InlineData("America/New_York", "2026-03-10T03:30:00Z", "2026-03-09")]
    [InlineData("America/New_York", "2026-03-10T05:00:00Z", "2026-03-10")]
    [InlineData("Asia/Tokyo", "2026-03-10T14:59:59Z", "2026-03-10")]
    [InlineData("Asia/Tokyo", "2026-03-10T15:00:00Z", "2026-03-11")]
    public void The_local_date_is_computed_in_the_goals_timezone(string timezone, string occurredAt, string localDate)
    {
        spec.Given(fake.Created(timezone: timezone));

        var logged = LoggedBy(new LogActivity(fake.Amount(), Culture.Utc(occurredAt), null), Culture.Utc("2026-03-10T18:00:00Z"));

        Assert.Equal(Culture.Date(localDate), logged.LocalDate);
    }

    [Fact]
    public void A_local_date_before_the_start_date_fails_with_invalid_date_range() =>
        spec.Given(fake.Created(startDate: GoalSpec.Today))
            .When(new LogActivity(fake.Amount(), GoalSpec.Now.Date.AddTicks(-1), null))
            .ThenFails(GoalErrorCode.InvalidDateRange);

    [Fact]
    public void A_local_date_on_the_start_date_is_accepted()
    {
        spec.Given(fake.Created(startDate: GoalSpec.Today));

        Assert.Equal(GoalSpec.Today, LoggedBy(new LogActivity(fake.Amount(), GoalSpec.Now.Date, null), GoalSpec.Now).LocalDate);
    }

    [Fact]
    public void The_start_date_is_compared_with_the_local_date_not_the_UTC_date() =>
        spec.Given(fake.Created(startDate: GoalSpec.Today, timezone: "America/New_York"))
            .When(new LogActivity(fake.Amount(), Culture.Utc("2026-03-10T03:00:00Z"), null))
            .ThenFails(GoalErrorCode.InvalidDateRange);

    [Theory]
    [InlineData("UTC", "2026-03-10T00:00:00Z", false)]
    [InlineData("UTC", "2026-03-09T23:59:59Z", true)]
    [InlineData("Asia/Tokyo", "2026-03-09T16:00:00Z", false)]
    [InlineData("Asia/Tokyo", "2026-03-09T14:00:00Z", true)]
    public void A_local_date_after_the_end_date_fails_with_invalid_date_range_and_the_end_date_itself_is_accepted(string timezone, string occurredAt, bool accepted)
    {
        var end = Culture.Date("2026-03-09");
        var definition = fake.Definition(GoalPattern.Total) with { EndDate = end };
        spec.Given(fake.Created(GoalPattern.Total, end.AddDays(-20), timezone, definition))
            .When(new LogActivity(fake.Amount(), Culture.Utc(occurredAt), null));

        if (accepted)
        {
            Assert.IsType<ActivityLogged>(Assert.Single(spec.Decide()));
        }
        else
        {
            spec.ThenFails(GoalErrorCode.InvalidDateRange);
        }
    }

    [Fact]
    public void The_activity_id_is_derived_from_now_when_now_is_after_the_last_event()
    {
        spec.Given(fake.Created());

        var logged = LoggedBy(new LogActivity(fake.Amount(), GoalSpec.Now.AddHours(-3), null), GoalSpec.Now);

        Assert.Equal(ActivityId.From(GoalSpec.Now), logged.ActivityId);
    }

    [Fact]
    public void The_activity_id_is_one_tick_after_the_last_event_when_now_is_earlier()
    {
        var lastRecorded = GoalSpec.Now.AddMinutes(1);
        spec.GivenAt(lastRecorded, fake.Created());

        var logged = LoggedBy(new LogActivity(fake.Amount(), null, null), GoalSpec.Now);

        Assert.Equal(ActivityId.From(lastRecorded.AddTicks(1)), logged.ActivityId);
    }

    [Fact]
    public void The_activity_id_names_the_timestamp_its_event_is_stamped_with()
    {
        var state = spec.GivenAt(GoalSpec.Now.AddMinutes(1), fake.Created()).State!;
        var decided = spec.When(new LogActivity(fake.Amount(), null, null), GoalSpec.Now).Decide();

        var stamped = GoalStream.Stamp(state, state.UserId, state.GoalId, decided, GoalSpec.Now, () => "e");

        Assert.True(ActivityId.TryParse(((ActivityLogged)decided[0]).ActivityId, out var at));
        Assert.Equal(stamped[0].RecordedAt, at);
    }
}
