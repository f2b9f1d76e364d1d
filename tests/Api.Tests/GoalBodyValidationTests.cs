using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>validation-failed (400) for POST /v1/goals and PATCH /v1/goals/{goalId} bodies; nothing is created or appended.</summary>
[Collection(ApiCollection.Name)]
public sealed class GoalBodyValidationTests(ApiFixture api)
{
    public static TheoryData<string, string> InvalidBodies => new()
    {
        { "this is not json", "body" },
        { """{"title":"Run","pattern":"daily","target":8""", "target" },
        { """{"title":"Run","pattern":"daily","target":"8"}""", "target" },
        { """{"title":"Run","pattern":"daily","target":8,"colour":"red"}""", "colour" },
        { """{"title":"Run","pattern":"hourly","target":8}""", "pattern" },
        { $$"""{"title":"{{new string('t', 121)}}","pattern":"daily","target":8}""", "title" },
        { """{"title":"   ","pattern":"daily","target":8}""", "title" },
        { """{"title":"Run","pattern":"daily"}""", "target" },
        { """{"title":"Run","pattern":"daily","target":0}""", "target" },
        { """{"title":"Run","pattern":"weekly","target":30}""", "timesPerWeek" },
        { """{"title":"Run","pattern":"weekly","target":30,"timesPerWeek":8}""", "timesPerWeek" },
        { """{"title":"Run","pattern":"daily","target":8,"timesPerWeek":3}""", "timesPerWeek" },
        { """{"title":"Climb","pattern":"milestones","milestones":[10,5]}""", "milestones" },
        { """{"title":"Climb","pattern":"milestones","milestones":[5,5,10]}""", "milestones" },
        { """{"title":"Climb","pattern":"milestones","milestones":[]}""", "milestones" },
        { """{"templateId":"fly-to-the-moon"}""", "templateId" },
        { """{"title":"Run","pattern":"daily","target":8,"timezone":"Mars/Olympus"}""", "timezone" },
        { """{"title":"Run","pattern":"daily","target":8,"timezone":"W. Europe Standard Time"}""", "timezone" },
        { """{"title":"Run","pattern":"daily","target":8,"startDate":"01/02/2026"}""", "startDate" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_create_body_is_validation_failed_naming_the_field_and_creates_nothing(string json, string field)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        var response = await client.PostJsonAsync("/v1/goals", json);

        await response.ShouldBeValidationProblemAsync(field);
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Fact]
    public async Task A_title_of_exactly_120_characters_is_accepted()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        var response = await client.PostJsonAsync("/v1/goals", new { title = new string('t', 120), pattern = "daily", target = 8 });

        await response.ShouldSucceedAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_iana_timezone_is_accepted()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        var response = await client.PostJsonAsync("/v1/goals", Goals.Daily(timezone: "Europe/Berlin"));

        await response.ShouldSucceedAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_empty_body_is_validation_failed()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        var response = await client.PostAsync("/v1/goals", null);

        await response.ShouldBeValidationProblemAsync("body");
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    public static TheoryData<string, string> InvalidPatches => new()
    {
        { """{}""", "body" },
        { """{"pattern":"total"}""", "pattern" },
        { """{"target":-1}""", "target" },
        { """{"timesPerWeek":3}""", "timesPerWeek" },
        { $$"""{"title":"{{new string('t', 121)}}"}""", "title" },
    };

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task An_invalid_patch_is_validation_failed_and_appends_nothing(string json, string field)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        await (await client.PatchGoalAsync(goalId, json)).ShouldBeValidationProblemAsync(field);

        Assert.Single(await api.EventItemsAsync(user, goalId));
    }
}
