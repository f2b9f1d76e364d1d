using System.Net;
using System.Text.RegularExpressions;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>The success shapes of the commands (docs/product-rules.md §5): status, body members, headers, versions.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class CommandContractTests(ApiFixture api)
{
    [Fact]
    public async Task Create_answers_201_with_goal_id_version_1_location_and_etag()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        var response = await client.PostJsonAsync("/v1/goals", Goals.Daily());

        var body = await response.ShouldSucceedAsync(HttpStatusCode.Created);
        var goalId = (string)body["goalId"]!;
        Assert.Matches(GoalIdPattern(), goalId);
        Assert.Equal(["goalId", "version"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(1L, (long)body["version"]!);
        Assert.Equal($"/v1/goals/{goalId}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_template_create_stores_the_templates_pattern_target_and_times_per_week()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        var goalId = await client.CreateGoalAsync(new { templateId = "exercise-30min-3x-week" });

        var head = await api.GoalHeadAsync(user, goalId);
        var definition = head["definition"].M;
        Assert.Equal("weekly", head["pattern"].S);
        Assert.Equal("3", definition["timesPerWeek"].N);
        Assert.Equal(30m, decimal.Parse(definition["target"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("minutes", definition["unit"].S);
        Assert.Equal("Exercise 30 minutes 3x/week", definition["title"].S);
        Assert.Equal("exercise-30min-3x-week", head["templateId"].S);
    }

    [Fact]
    public async Task Body_fields_override_the_templates_fields()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        var goalId = await client.CreateGoalAsync(new { templateId = "exercise-30min-3x-week", title = "Run", target = 45, timesPerWeek = 5 });

        var definition = (await api.GoalHeadAsync(user, goalId))["definition"].M;
        Assert.Equal("Run", definition["title"].S);
        Assert.Equal(45m, decimal.Parse(definition["target"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("5", definition["timesPerWeek"].N);
        Assert.Equal("minutes", definition["unit"].S);
    }

    [Fact]
    public async Task A_template_create_with_another_pattern_keeps_the_templates_target_but_not_its_times_per_week()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);

        var goalId = await client.CreateGoalAsync(new { templateId = "exercise-30min-3x-week", pattern = "daily" });

        var head = await api.GoalHeadAsync(user, goalId);
        Assert.Equal("daily", head["pattern"].S);
        Assert.True(head["definition"].M["timesPerWeek"].NULL);
        Assert.Equal("30", head["definition"].M["target"].N);
    }

    [Fact]
    public async Task Patch_answers_200_with_goal_id_and_the_next_version()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        var response = await client.PatchGoalAsync(goalId, new { title = "Drink more water", target = 10 });

        var body = await response.ShouldSucceedAsync(HttpStatusCode.OK);
        Assert.Equal(["goalId", "version"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(goalId, (string?)body["goalId"]);
        Assert.Equal(2L, (long)body["version"]!);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Status_commands_answer_200_with_goal_id_version_and_the_new_status()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        var version = 1L;
        foreach (var (transition, status) in new[] { ("pause", "paused"), ("resume", "active"), ("complete", "completed"), ("archive", "archived") })
        {
            var body = await (await client.TransitionAsync(goalId, transition)).ShouldSucceedAsync(HttpStatusCode.OK);
            Assert.Equal(["goalId", "status", "version"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal(goalId, (string?)body["goalId"]);
            Assert.Equal(++version, (long)body["version"]!);
            Assert.Equal(status, (string?)body["status"]);
        }
    }

    [Fact]
    public async Task Pausing_a_paused_goal_or_patching_to_the_same_values_appends_nothing()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        await client.TransitionAsync(goalId, "pause").VersionAsync();

        var again = await (await client.TransitionAsync(goalId, "pause")).ShouldSucceedAsync(HttpStatusCode.OK);
        var samePatch = await client.PatchGoalAsync(goalId, new { title = "Drink water", target = 8 }).VersionAsync();

        Assert.Equal(2L, (long)again["version"]!);
        Assert.Equal("paused", (string?)again["status"]);
        Assert.Equal(2L, samePatch);
        Assert.Equal(2, (await api.EventItemsAsync(user, goalId)).Count);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex GoalIdPattern();
}
