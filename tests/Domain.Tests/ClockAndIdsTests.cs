using Lifestyle.Domain.Goals;
using Lifestyle.Domain.Time;
using Xunit;

namespace Lifestyle.Domain.Tests;

public class ClockAndIdsTests
{
    private readonly Fake fake = new(1010);

    [Fact]
    public void An_activity_id_round_trips_to_its_timestamp()
    {
        var at = GoalSpec.Now.AddTicks(fake.F.Random.Long(0, TimeSpan.TicksPerDay * 365));

        var id = ActivityId.From(at);

        Assert.Matches("^act_[0-9a-f]{16}$", id);
        Assert.True(ActivityId.TryParse(id, out var parsed));
        Assert.Equal(at.UtcTicks, parsed.UtcTicks);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
        Assert.Equal(id, ActivityId.From(parsed));
    }

    [Fact]
    public void An_activity_id_depends_on_the_instant_not_the_offset() =>
        Assert.Equal(ActivityId.From(GoalSpec.Now), ActivityId.From(GoalSpec.Now.ToOffset(TimeSpan.FromHours(-7))));

    [Fact]
    public void Activity_ids_one_tick_apart_differ() =>
        Assert.NotEqual(ActivityId.From(GoalSpec.Now), ActivityId.From(GoalSpec.Now.AddTicks(1)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("act_")]
    [InlineData("act_08de7e9b0c7a")]
    [InlineData("act_08de7e9b0c7a80000")]
    [InlineData("ACT_08de7e9b0c7a8000")]
    [InlineData("evt_08de7e9b0c7a8000")]
    [InlineData("act_08de7e9b0c7a800g")]
    [InlineData("act_ 8de7e9b0c7a8000")]
    [InlineData("act_-8de7e9b0c7a8000")]
    [InlineData("act_ffffffffffffffff")]
    [InlineData("act_7fffffffffffffff")]
    public void Malformed_activity_ids_are_rejected(string? id) => Assert.False(ActivityId.TryParse(id, out _));

    [Fact]
    public void Only_the_canonical_lower_case_spelling_of_an_activity_id_is_accepted()
    {
        var id = ActivityId.From(GoalSpec.Now);

        Assert.False(ActivityId.TryParse("act_" + id[4..].ToUpperInvariant(), out _));
    }

    [Theory]
    [InlineData("2026-12-31", "2026-W53")]
    [InlineData("2027-01-01", "2026-W53")]
    [InlineData("2027-01-03", "2026-W53")]
    [InlineData("2027-01-04", "2027-W01")]
    [InlineData("2024-12-30", "2025-W01")]
    [InlineData("2026-03-10", "2026-W11")]
    public void Week_labels_use_the_ISO_week_year(string date, string label) =>
        Assert.Equal(label, GoalClock.WeekLabel(Culture.Date(date)));

    [Theory]
    [InlineData("2026-03-09", "2026-03-09")]
    [InlineData("2026-03-10", "2026-03-09")]
    [InlineData("2026-03-15", "2026-03-09")]
    [InlineData("2026-03-16", "2026-03-16")]
    [InlineData("2027-01-01", "2026-12-28")]
    [InlineData("2025-01-05", "2024-12-30")]
    public void A_week_starts_on_its_monday(string date, string monday) =>
        Assert.Equal(Culture.Date(monday), GoalClock.WeekStart(Culture.Date(date)));

    [Theory]
    [InlineData("2026-03-10T03:59:59Z", "America/New_York", "2026-03-09")]
    [InlineData("2026-03-10T04:00:00Z", "America/New_York", "2026-03-10")]
    [InlineData("2026-03-10T14:59:59Z", "Asia/Tokyo", "2026-03-10")]
    [InlineData("2026-03-10T15:00:00Z", "Asia/Tokyo", "2026-03-11")]
    [InlineData("2026-03-07T04:59:59Z", "America/New_York", "2026-03-06")]
    [InlineData("2026-03-07T05:00:00Z", "America/New_York", "2026-03-07")]
    [InlineData("2026-03-10T23:59:59Z", "UTC", "2026-03-10")]
    public void Local_dates_are_taken_in_the_given_zone(string instant, string zone, string date) =>
        Assert.Equal(Culture.Date(date), GoalClock.LocalDate(Culture.Utc(instant), zone));

    [Theory]
    [InlineData("UTC", true)]
    [InlineData("America/New_York", true)]
    [InlineData("Asia/Tokyo", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData(null, false)]
    public void Only_known_IANA_zones_are_accepted(string? zone, bool known) =>
        Assert.Equal(known, GoalClock.IsKnownTimezone(zone));

    [Fact]
    public void The_default_timezone_is_UTC() => Assert.Equal("UTC", GoalClock.DefaultTimezone);
}
