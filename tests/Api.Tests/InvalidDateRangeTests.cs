using System.Globalization;
using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>invalid-date-range (400): goal dates out of order or window, activities outside the goal's dates.</summary>
[Collection(ApiCollection.Name)]
public sealed class InvalidDateRangeTests(ApiFixture api)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_end_date_before_the_start_date_is_invalid_date_range()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        var response = await client.PostJsonAsync("/v1/goals", Total(start: Today, end: Today.AddDays(-1)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-date-range");
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Fact]
    public async Task An_end_date_equal_to_the_start_date_is_accepted()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        var response = await client.PostJsonAsync("/v1/goals", Total(start: Today, end: Today));

        await response.ShouldSucceedAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(-400)]
    [InlineData(400)]
    public async Task A_start_date_more_than_366_days_from_today_is_invalid_date_range(int days)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        var response = await client.PostJsonAsync("/v1/goals", Total(start: Today.AddDays(days)));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-date-range");
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Fact]
    public async Task A_start_date_300_days_ago_is_accepted()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        var response = await client.PostJsonAsync("/v1/goals", Total(start: Today.AddDays(-300)));

        await response.ShouldSucceedAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Patching_the_end_date_to_before_the_start_date_is_invalid_date_range()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Total(start: Today.AddDays(-3)));

        var response = await client.PatchGoalAsync(goalId, new { endDate = Iso(Today.AddDays(-4)) });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-date-range");
        Assert.Single(await api.EventItemsAsync(user, goalId));
    }

    [Fact]
    public async Task An_activity_before_the_start_date_is_invalid_date_range()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Total(start: Today.AddDays(5)));

        var response = await client.LogAsync(goalId, new { value = 1 });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-date-range");
        Assert.Single(await api.EventItemsAsync(user, goalId));
    }

    [Fact]
    public async Task An_activity_after_the_end_date_is_invalid_date_range()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Total(start: Today.AddDays(-10), end: Today.AddDays(-5)));

        var late = await client.LogAsync(goalId, new { value = 1 });
        var inRange = await client.LogAsync(goalId, new { value = 1, occurredAt = $"{Iso(Today.AddDays(-7))}T12:00:00Z" });

        await late.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-date-range");
        Assert.Equal(2L, (long)(await inRange.ShouldSucceedAsync(HttpStatusCode.Created))["version"]!);
    }

    private static object Total(DateOnly start, DateOnly? end = null) => new
    {
        title = "Read pages",
        pattern = "total",
        target = 100,
        timezone = "UTC",
        startDate = Iso(start),
        endDate = end is { } e ? Iso(e) : null,
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
