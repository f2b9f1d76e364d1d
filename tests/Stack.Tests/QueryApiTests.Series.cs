using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class QueryApiSeriesTests(StackFixture stack)
{
    [Fact]
    public async Task Days_are_ascending_and_include_days_without_activity_with_total_0()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Read", pattern = "daily", target = 5, startDate = clock.Day(-10), timezone = clock.Zone });
        await client.LogAsync(goalId, 2, clock.At(-8, -60));
        await client.LogAsync(goalId, 3, clock.At(-8, -30));
        await client.LogAsync(goalId, 1, clock.At(-6));
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 7, clock.At(-4)));

        var items = (await client.GetJsonAsync($"/v1/goals/{goalId}/days?from={clock.Day(-9)}&to={clock.Day(-3)}"))["items"]!.AsArray();

        Assert.Equal(Enumerable.Range(-9, 7).Select(clock.Day), items.Select(i => (string)i!["date"]!));
        Assert.Equal(new[] { 0m, 5m, 0m, 1m, 0m, 7m, 0m }, items.Select(i => (decimal)i!["total"]!));
        Assert.Equal(new[] { 0, 2, 0, 1, 0, 1, 0 }, items.Select(i => (int)i!["logCount"]!));
        Assert.Equal(new[] { false, true, false, false, false, true, false }, items.Select(i => (bool)i!["met"]!));

        var lastWeek = (await client.GetJsonAsync($"/v1/goals/{goalId}/days"))["items"]!.AsArray();
        Assert.Equal(Enumerable.Range(-6, 7).Select(clock.Day), lastWeek.Select(i => (string)i!["date"]!));
    }

    [Fact]
    public async Task Days_allow_366_days_and_reject_367_an_inverted_range_and_bad_dates()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Read", pattern = "daily", target = 5 });
        var days = $"/v1/goals/{goalId}/days";

        var leapYear = (await client.GetJsonAsync($"{days}?from=2024-01-01&to=2024-12-31"))["items"]!.AsArray();
        Assert.Equal(366, leapYear.Count);
        Assert.Equal(("2024-01-01", "2024-12-31"), ((string)leapYear[0]!["date"]!, (string)leapYear[^1]!["date"]!));

        await client.ProblemAsync($"{days}?from=2023-12-31&to=2024-12-31", HttpStatusCode.BadRequest, "invalid-date-range");
        await client.ProblemAsync($"{days}?from=2024-02-02&to=2024-02-01", HttpStatusCode.BadRequest, "invalid-date-range");
        foreach (var bad in new[] { "from=2024-02-30", "to=tomorrow", "from=2024-1-5", "from=05/01/2024&to=2024-01-09" })
        {
            await client.ProblemAsync($"{days}?{bad}", HttpStatusCode.BadRequest, "validation-failed");
        }
    }

    [Fact]
    public async Task Weeks_are_labelled_YYYY_Www_ascending_and_accept_a_week_label_or_a_date()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var monday = QueryApi.Monday(clock.Today).AddDays(-14);
        var offset = monday.DayNumber - clock.Today.DayNumber;
        var goalId = await client.CreateGoalAsync(new
        {
            title = "Swim", pattern = "weekly", target = 10, timesPerWeek = 2, startDate = QueryApi.Date(monday), timezone = clock.Zone,
        });
        await client.LogAsync(goalId, 10, clock.At(offset));
        await client.LogAsync(goalId, 4, clock.At(offset + 1));
        await client.LogAsync(goalId, 10, clock.At(offset + 2));
        await client.GoalAtAsync(goalId, await client.LogAsync(goalId, 15, clock.At(offset + 9)));
        var weeks = $"/v1/goals/{goalId}/weeks";

        var items = (await client.GetJsonAsync($"{weeks}?from={QueryApi.WeekLabel(monday)}&to={QueryApi.WeekLabel(clock.Today)}"))["items"]!.AsArray();

        Assert.Equal(new[] { monday, monday.AddDays(7), monday.AddDays(14) }.Select(QueryApi.WeekLabel), items.Select(i => (string)i!["week"]!));
        Assert.All(items, i => Assert.Matches(@"^\d{4}-W\d{2}$", (string)i!["week"]!));
        Assert.Equal(new[] { 24m, 15m, 0m }, items.Select(i => (decimal)i!["total"]!));
        Assert.Equal(new[] { 3, 1, 0 }, items.Select(i => (int)i!["logCount"]!));
        Assert.Equal(new[] { 3, 1, 0 }, items.Select(i => (int)i!["activeDays"]!));
        Assert.Equal(new[] { 2, 1, 0 }, items.Select(i => (int)i!["daysMet"]!));
        Assert.Equal(new[] { true, false, false }, items.Select(i => (bool)i!["met"]!));

        foreach (var query in new[]
        {
            $"from={QueryApi.Date(monday.AddDays(3))}&to={clock.Day(0)}",
            $"from={QueryApi.WeekLabel(monday)}&to={clock.Day(0)}",
            $"from={QueryApi.Date(monday.AddDays(6))}&to={QueryApi.WeekLabel(clock.Today)}",
        })
        {
            Assert.True(JsonNode.DeepEquals(items, (await client.GetJsonAsync($"{weeks}?{query}"))["items"]), query);
        }

        var lastEight = (await client.GetJsonAsync(weeks))["items"]!.AsArray();
        Assert.Equal(8, lastEight.Count);
        Assert.Equal(QueryApi.WeekLabel(clock.Today), (string)lastEight[^1]!["week"]!);
    }

    [Fact]
    public async Task Weeks_allow_106_weeks_and_reject_107_an_inverted_range_and_bad_weeks()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Swim", pattern = "weekly", target = 10, timesPerWeek = 2 });
        var weeks = $"/v1/goals/{goalId}/weeks";
        var to = new DateOnly(2025, 12, 29); // Monday of 2026-W01.

        var items = (await client.GetJsonAsync($"{weeks}?from={QueryApi.WeekLabel(to.AddDays(-105 * 7))}&to=2026-W01"))["items"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, 106).Select(w => QueryApi.WeekLabel(to.AddDays(7 * (w - 105)))), items.Select(i => (string)i!["week"]!));

        await client.ProblemAsync($"{weeks}?from={QueryApi.WeekLabel(to.AddDays(-106 * 7))}&to=2026-W01", HttpStatusCode.BadRequest, "invalid-date-range");
        await client.ProblemAsync($"{weeks}?from={QueryApi.Date(to.AddDays(-106 * 7))}&to=2026-01-04", HttpStatusCode.BadRequest, "invalid-date-range");
        await client.ProblemAsync($"{weeks}?from=2026-W01&to=2025-W52", HttpStatusCode.BadRequest, "invalid-date-range");
        foreach (var bad in new[] { "from=2025-W54", "from=2025-W00", "to=2025W10", "to=next-week" })
        {
            await client.ProblemAsync($"{weeks}?{bad}", HttpStatusCode.BadRequest, "validation-failed");
        }
    }
}

/// <summary>Dates at the ends of the calendar once answered 500 (DateOnly.AddDays out of range).</summary>
[Collection(StackCollection.Name)]
public sealed class QueryApiSeriesEdgeTests(StackFixture stack)
{
    [Theory]
    [InlineData("days?to=0001-01-01")]
    [InlineData("days?to=9999-12-31")]
    [InlineData("days?from=9999-01-01&to=9999-12-31")]
    [InlineData("days?from=1899-12-31&to=1900-01-01")]
    [InlineData("days?from=2999-12-31&to=3000-01-01")]
    [InlineData("weeks?to=0001-W01")]
    [InlineData("weeks?from=9999-12-31&to=9999-12-31")]
    [InlineData("weeks?from=1899-W52")]
    public async Task Dates_outside_1900_to_2999_are_invalid_date_range(string query)
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Read", pattern = "daily", target = 5 });

        await client.ProblemAsync($"/v1/goals/{goalId}/{query}", HttpStatusCode.BadRequest, "invalid-date-range");
    }

    [Fact]
    public async Task The_first_and_last_supported_days_and_weeks_are_answered()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(new { title = "Swim", pattern = "weekly", target = 10, timesPerWeek = 2 });

        var first = (await client.GetJsonAsync($"/v1/goals/{goalId}/days?to=1900-01-03"))["items"]!.AsArray();
        var last = (await client.GetJsonAsync($"/v1/goals/{goalId}/days?from=2999-12-25&to=2999-12-31"))["items"]!.AsArray();
        var lastWeek = (await client.GetJsonAsync($"/v1/goals/{goalId}/weeks?from=2999-12-31&to=2999-12-31"))["items"]!.AsArray();

        Assert.Equal(["1900-01-01", "1900-01-02", "1900-01-03"], first.Select(i => (string)i!["date"]!));
        Assert.Equal(7, last.Count);
        Assert.Equal("3000-W01", (string)Assert.Single(lastWeek)!["week"]!);
    }
}
