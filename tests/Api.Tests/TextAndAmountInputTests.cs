using System.Net;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>docs/product-rules.md §4–5: text without control or bidi characters, amounts with at most 4 decimals.</summary>
[Collection(ApiCollection.Name)]
public sealed class TextAndAmountInputTests(ApiFixture api)
{
    public static TheoryData<string, string> BadText => new()
    {
        { "title", "Water\u0000" },
        { "title", "Water\nand more" },
        { "title", "Water\u202Etxt.exe" },
        { "title", "Water\u2066" },
        { "title", "Water\u007F" },
        { "unit", "gl\u0009asses" },
        { "unit", "\u202Dglasses" },
    };

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task A_goal_with_control_or_bidi_characters_in_its_text_is_validation_failed(string field, string text)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var body = new Dictionary<string, object> { ["title"] = "Water", ["pattern"] = "daily", ["target"] = 8, [field] = text };

        await (await client.PostJsonAsync("/v1/goals", body)).ShouldBeValidationProblemAsync(field);
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Theory]
    [InlineData("title", "Water\\ud800")]
    [InlineData("title", "\\udc00Water")]
    [InlineData("unit", "x\\ud83d")]
    public async Task A_goal_whose_text_has_an_unpaired_surrogate_escape_is_validation_failed(string field, string escaped)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var json = field == "title"
            ? $$"""{"title":"{{escaped}}","pattern":"daily","target":8}"""
            : $$"""{"title":"Water","pattern":"daily","target":8,"unit":"{{escaped}}"}""";

        await (await client.PostJsonAsync("/v1/goals", json)).ShouldBeValidationProblemAsync(field);
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Fact]
    public async Task A_patch_to_a_title_with_a_control_character_is_validation_failed()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        await (await client.PatchGoalAsync(goalId, new { title = "Bell\u0007" })).ShouldBeValidationProblemAsync("title");
    }

    [Theory]
    [InlineData("line one\nline two\tand a tab")]
    [InlineData("emoji \U0001F4A7 and accents é")]
    public async Task A_note_may_have_line_feeds_tabs_and_any_printable_text(string note)
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        await (await client.LogAsync(goalId, new { value = 1, note })).ShouldSucceedAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("nul\u0000")]
    [InlineData("carriage\r\nreturn")]
    [InlineData("\u202Eoverride")]
    public async Task A_note_with_other_control_or_bidi_characters_is_validation_failed(string note)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        await (await client.LogAsync(goalId, new { value = 1, note })).ShouldBeValidationProblemAsync("note");
        Assert.Single(await api.EventItemsAsync(user, goalId));
    }

    [Theory]
    [InlineData("""{"title":"T","pattern":"total","target":0.000000000000000000000000001}""", "target")]
    [InlineData("""{"title":"T","pattern":"total","target":1.00001}""", "target")]
    [InlineData("""{"title":"T","pattern":"total","target":1000000000.1}""", "target")]
    [InlineData("""{"title":"T","pattern":"milestones","milestones":[0.00001,5]}""", "milestones")]
    [InlineData("""{"title":"T","pattern":"total","target":1e40}""", "target")]
    public async Task A_goal_with_an_amount_too_fine_or_too_large_is_validation_failed(string json, string field)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        await (await client.PostJsonAsync("/v1/goals", json)).ShouldBeValidationProblemAsync(field);
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Theory]
    [InlineData("""{"title":"T","pattern":"total","target":8e0}""")]
    [InlineData("""{"title":"T","pattern":"total","target":1.50000000}""")]
    [InlineData("""{"title":"T","pattern":"total","target":1000000000}""")]
    [InlineData("""{"title":"T","pattern":"total","target":0.0001}""")]
    public async Task Exponent_notation_trailing_zeros_and_the_bounds_themselves_are_accepted(string json)
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        await (await client.PostJsonAsync("/v1/goals", json)).ShouldSucceedAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("1.00001")]
    [InlineData("1e-10")]
    public async Task A_value_with_more_than_four_decimals_is_validation_failed(string value)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        await (await client.LogAsync(goalId, $$"""{"value":{{value}}}""")).ShouldBeValidationProblemAsync("value");
        Assert.Single(await api.EventItemsAsync(user, goalId));
    }
}
