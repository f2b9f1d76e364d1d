using System.Globalization;
using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>validation-failed (400) for POST /v1/goals/{goalId}/activities bodies; nothing is appended.</summary>
[Collection(ApiCollection.Name)]
public sealed class ActivityValidationTests(ApiFixture api)
{
    public static TheoryData<string, string> InvalidActivities => new()
    {
        { """{"value":1000000.01}""", "value" },
        { """{"value":-1}""", "value" },
        { """{"value":0}""", "value" },
        { """{}""", "value" },
        { """{"value":"5"}""", "value" },
        { """{"value":5,"occurredAt":"2026-01-01T08:00:00"}""", "occurredAt" },
        { $$"""{"value":5,"note":"{{new string('n', 501)}}"}""", "note" },
        { """{"value":5,"when":"today"}""", "when" },
    };

    [Theory]
    [MemberData(nameof(InvalidActivities))]
    public async Task An_invalid_activity_on_a_daily_goal_is_validation_failed_and_appends_nothing(string json, string field)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        await (await client.LogAsync(goalId, json)).ShouldBeValidationProblemAsync(field);

        Assert.Single(await api.EventItemsAsync(user, goalId));
    }

    [Fact]
    public async Task A_value_of_exactly_one_million_is_accepted()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        await (await client.LogAsync(goalId, new { value = 1_000_000m })).ShouldSucceedAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_value_of_zero_is_accepted_on_a_limit_goal()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Limit(target: 2));

        var body = await (await client.LogAsync(goalId, new { value = 0 })).ShouldSucceedAsync(HttpStatusCode.Created);

        Assert.Equal(2L, (long)body["version"]!);
    }

    [Fact]
    public async Task OccurredAt_more_than_five_minutes_ahead_is_refused_but_four_minutes_ahead_is_accepted()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        var tooLate = await client.LogAsync(goalId, new { value = 1, occurredAt = Rfc3339(DateTimeOffset.UtcNow.AddMinutes(10)) });
        var justInTime = await client.LogAsync(goalId, new { value = 1, occurredAt = Rfc3339(DateTimeOffset.UtcNow.AddMinutes(4)) });

        await tooLate.ShouldBeValidationProblemAsync("occurredAt");
        Assert.Equal(2L, (long)(await justInTime.ShouldSucceedAsync(HttpStatusCode.Created))["version"]!);
    }

    private static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
