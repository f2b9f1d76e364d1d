using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>validation-failed (400) for malformed Idempotency-Key and If-Match headers; nothing is appended.</summary>
[Collection(ApiCollection.Name)]
public sealed class HeaderValidationTests(ApiFixture api)
{
    public static TheoryData<string, string, string> InvalidHeaders => new()
    {
        { "Idempotency-Key", "has a space", "Idempotency-Key" },
        { "Idempotency-Key", new string('k', 129), "Idempotency-Key" },
        { "Idempotency-Key", "key/with/slash", "Idempotency-Key" },
        { "If-Match", "\"abc\"", "If-Match" },
        { "If-Match", "\"0\"", "If-Match" },
        { "If-Match", "\"-1\"", "If-Match" },
    };

    [Theory]
    [MemberData(nameof(InvalidHeaders))]
    public async Task An_invalid_command_header_is_validation_failed_naming_the_header_and_appends_nothing(
        string header, string value, string field)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        var patch = await client.PatchGoalAsync(goalId, new { title = "Renamed" }, GoalApi.Header(header, value));
        var log = await client.LogAsync(goalId, new { value = 1 }, GoalApi.Header(header, value));

        await patch.ShouldBeValidationProblemAsync(field);
        await log.ShouldBeValidationProblemAsync(field);
        Assert.Single(await api.EventItemsAsync(user, goalId));
    }

    [Fact]
    public async Task Header_errors_are_keyed_by_the_header_name_as_spelled_on_the_wire()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        var badKey = await client.LogAsync(goalId, new { value = 1 }, GoalApi.IdempotencyKey("has a space"));
        var badMatch = await client.LogAsync(goalId, new { value = 1 }, GoalApi.Header("If-Match", "\"abc\""));

        await badKey.ShouldBeValidationProblemAsync("Idempotency-Key");
        await badMatch.ShouldBeValidationProblemAsync("If-Match");
    }

    [Fact]
    public async Task An_invalid_idempotency_key_on_create_creates_nothing()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        var response = await client.PostJsonAsync("/v1/goals", Goals.Daily(), GoalApi.IdempotencyKey(new string('k', 129)));

        await response.ShouldBeValidationProblemAsync("Idempotency-Key");
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Fact]
    public async Task An_idempotency_key_of_128_allowed_characters_is_accepted()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var key = "aZ09_.:-" + new string('k', 120);

        var response = await client.PostJsonAsync("/v1/goals", Goals.Daily(), GoalApi.IdempotencyKey(key));

        await response.ShouldSucceedAsync(HttpStatusCode.Created);
    }
}
