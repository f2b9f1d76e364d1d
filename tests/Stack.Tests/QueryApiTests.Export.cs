using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

[Collection(StackCollection.Name)]
public sealed class QueryApiExportTests(StackFixture stack)
{
    private static readonly string[] CsvHeader = ["goalId", "goalTitle", "pattern", "unit", "activityId", "occurredAt", "value", "note"];

    [Fact]
    public async Task Json_export_has_every_goal_of_every_status_with_its_live_activities_oldest_first()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        var active = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8, unit = "glasses", timezone = clock.Zone });
        var (first, _) = await client.LogWithIdAsync(active, 1, clock.At(0, -120), "morning");
        var (removed, _) = await client.LogWithIdAsync(active, 2, clock.At(0, -90));
        var (last, _) = await client.LogWithIdAsync(active, 3, clock.At(0, -60));
        await client.RemoveActivityAsync(active, removed);
        var paused = await client.CreateGoalAsync(new { title = "Paused", pattern = "daily", target = 1, timezone = clock.Zone });
        await client.TransitionAsync(paused, "pause");
        var completed = await client.CreateGoalAsync(new { title = "Done", pattern = "total", target = 5, timezone = clock.Zone });
        var (reaching, _) = await client.LogWithIdAsync(completed, 5, clock.At(0, -30));
        var archived = await client.CreateGoalAsync(new { title = "Old", pattern = "daily", target = 1, timezone = clock.Zone });
        var (archivedActivity, _) = await client.LogWithIdAsync(archived, 1, clock.At(0, -30));
        await client.TransitionAsync(archived, "archive");

        var (response, body) = await client.GetRawAsync("/v1/export?format=json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var goals = JsonNode.Parse(body)!["goals"]!.AsArray();
        Assert.Equal(new[] { active, paused, completed, archived }, QueryApi.Ids(goals));
        Assert.Equal(new[] { "active", "paused", "completed", "archived" }, goals.Select(g => (string)g!["status"]!));
        var water = goals[0]!;
        Assert.Equal(("Water", "daily", 8m, "glasses", clock.Day(0), clock.Zone), ((string)water["title"]!, (string)water["pattern"]!,
            (decimal)water["target"]!, (string)water["unit"]!, (string)water["startDate"]!, (string)water["timezone"]!));
        var activities = water["activities"]!.AsArray();
        Assert.Equal(new[] { first, last }, QueryApi.Ids(activities, "activityId"));
        Assert.Equal((1m, "morning"), ((decimal)activities[0]!["value"]!, (string)activities[0]!["note"]!));
        Assert.All(activities, a => Assert.NotNull((string?)a!["recordedAt"]));
        Assert.Empty(goals[1]!["activities"]!.AsArray());
        Assert.Equal(new[] { reaching }, QueryApi.Ids(goals[2]!["activities"], "activityId"));
        Assert.Equal(new[] { archivedActivity }, QueryApi.Ids(goals[3]!["activities"], "activityId"));
    }

    [Fact]
    public async Task Csv_export_quotes_commas_double_quotes_and_newlines_per_RFC_4180()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        const string title = "Run, \"fast\" and far";
        const string unit = "km, \"road\"";
        const string note = "Felt \"great\", really\nnext line\n\tthird";
        var goalId = await client.CreateGoalAsync(new { title, pattern = "total", target = 100, unit, timezone = clock.Zone });
        var (a1, _) = await client.LogWithIdAsync(goalId, 2.5m, clock.At(0, -90), note);
        var (a2, _) = await client.LogWithIdAsync(goalId, 3, clock.At(0, -60));
        var (a3, _) = await client.LogWithIdAsync(goalId, 1, clock.At(0, -30), "plain");
        var rows = new List<string[]>
        {
            new[] { goalId, title, "total", unit, a1, clock.At(0, -90), "2.5", note },
            new[] { goalId, title, "total", unit, a2, clock.At(0, -60), "3", "" },
            new[] { goalId, title, "total", unit, a3, clock.At(0, -30), "1", "plain" },
        };
        var empty = await client.CreateGoalAsync(new { title = "Plain", pattern = "daily", target = 1 });
        rows.Add([empty, "Plain", "daily", "", "", "", "", ""]);

        var (response, body) = await client.GetRawAsync("/v1/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(string.Join(',', CsvHeader) + "\r\n", body, StringComparison.Ordinal);
        Assert.Contains("\"Run, \"\"fast\"\" and far\"", body, StringComparison.Ordinal);
        Assert.Contains("\"Felt \"\"great\"\", really\nnext line\n\tthird\"", body, StringComparison.Ordinal);
        var parsed = Rfc4180.Parse(body);
        Assert.Equal(CsvHeader, parsed[0]);
        Assert.Equal(rows.Count, parsed.Count - 1);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i], parsed[i + 1]);
        }
    }

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_prefixed_with_a_quote()
    {
        var clock = MiddayClock.Create();
        using var client = stack.ClientFor(StackFixture.NewUserId());
        const string title = "=HYPERLINK(\"http://evil.example\",\"x\")";
        var goalId = await client.CreateGoalAsync(new { title, pattern = "total", target = 100, unit = "@units", timezone = clock.Zone });
        var (a1, _) = await client.LogWithIdAsync(goalId, 1, clock.At(0, -60), "+cmd|' /C calc'!A0");
        var (a2, _) = await client.LogWithIdAsync(goalId, 1, clock.At(0, -30), "-2+3");

        var (_, body) = await client.GetRawAsync("/v1/export?format=csv");

        var parsed = Rfc4180.Parse(body);
        Assert.Equal(["'" + title, "'@units", "'+cmd|' /C calc'!A0"], [parsed[1][1], parsed[1][3], parsed[1][7]]);
        Assert.Equal((a1, a2, "'-2+3"), (parsed[1][4], parsed[2][4], parsed[2][7]));
    }

    [Fact]
    public async Task Export_rejects_an_unknown_format()
    {
        using var client = stack.ClientFor(StackFixture.NewUserId());

        foreach (var format in new[] { "xml", "pdf" })
        {
            var problem = await client.ProblemAsync($"/v1/export?format={format}", HttpStatusCode.BadRequest, "validation-failed");
            Assert.NotNull(problem["errors"]?["format"]);
        }
    }
}
