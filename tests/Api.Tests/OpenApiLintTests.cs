using System.Text.Json.Nodes;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>The served /openapi/v1.json passes <c>redocly lint</c> (recommended rules, tightened in redocly.yaml).</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiLintTests(ApiFixture api)
{
    [Fact]
    public async Task The_served_document_has_no_lint_errors_or_warnings()
    {
        using var client = api.AnonymousClient();
        var file = Path.Combine(Path.GetTempPath(), $"lifestyle-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        try
        {
            var report = JsonNode.Parse(await RedoclyCli.LintAsync(file))!;

            var problems = report["problems"]!.AsArray().Select(p =>
                $"{p!["severity"]} {p["ruleId"]} at {p["location"]?[0]?["pointer"]}: {p["message"]}");
            var totals = report["totals"]!;
            Assert.True((int)totals["errors"]! == 0 && (int)totals["warnings"]! == 0,
                $"{totals["errors"]} errors, {totals["warnings"]} warnings:\n{string.Join('\n', problems)}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
