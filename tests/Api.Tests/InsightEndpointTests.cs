using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Api.Tests.Fixtures;
using Lifestyle.Domain.Insights;
using Lifestyle.Infrastructure.Insights;
using Lifestyle.Infrastructure.Storage;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>GET /v1/insights and /v1/recommendations over HTTP: their answers and their problem+json errors.</summary>
[Collection(ApiCollection.Name)]
public sealed class InsightEndpointTests(ApiFixture api)
{
    [Theory]
    [InlineData("/v1/insights")]
    [InlineData("/v1/recommendations")]
    public async Task Without_a_token_both_are_unauthorized_problems(string path)
    {
        using var client = api.AnonymousClient();

        await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("/v1/insights")]
    [InlineData("/v1/recommendations")]
    public async Task Another_method_is_a_method_not_allowed_problem(string path)
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        await (await client.PostJsonAsync(path, new { })).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task Before_any_daily_close_a_user_has_no_insights()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        await client.CreateGoalAsync(Goals.Daily());

        var body = await (await client.GetAsync("/v1/insights")).ReadObjectAsync();

        Assert.Empty(body["items"]!.AsArray());
    }

    [Fact]
    public async Task A_user_with_no_history_is_offered_this_months_seasonal_template_and_not_once_adopted()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var seasonal = Seasons.TemplateOf(DateTime.UtcNow.Month);

        var before = await (await client.GetAsync("/v1/recommendations")).ReadObjectAsync();
        await client.CreateGoalAsync(new { templateId = seasonal });
        var after = await (await client.GetAsync("/v1/recommendations")).ReadObjectAsync();

        var first = before["items"]!.AsArray()[0]!;
        Assert.Equal((seasonal, "season"), ((string?)first["templateId"], (string?)first["reasons"]![0]));
        Assert.DoesNotContain(after["items"]!.AsArray(), r => (string?)r!["templateId"] == seasonal);
    }

    [Fact]
    public async Task The_insights_item_of_the_last_close_is_served_for_the_goals_still_active()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var active = await client.CreateGoalAsync(Goals.Daily());
        var archived = await client.CreateGoalAsync(Goals.Daily());
        (await client.PostAsync($"/v1/goals/{archived}/archive", null)).EnsureSuccessStatusCode();
        var asOf = new DateOnly(2026, 3, 28);
        var suggestion = new SuggestionShape("lower-target", 4, "Met on 2 of 28 days; your median day with activity is 4 glasses.");
        GoalInsightShape Insight(string goalId) => new(goalId, "daily", asOf, 28, 2, 0.0714m, "steady", "monday", "tuesday", suggestion);
        await PutAsync(InsightItems.User(user, new UserInsightsShape(asOf, [Insight(active), Insight(archived)], [], null), ReadModelKeys.Live));

        var items = (await (await client.GetAsync("/v1/insights")).ReadObjectAsync())["items"]!.AsArray();

        var item = Assert.Single(items)!;
        Assert.Equal((active, "2026-03-28", 0.0714m, "lower-target", 4m),
            ((string?)item["goalId"], (string?)item["asOf"], (decimal?)item["metRate"], (string?)item["suggestion"]!["kind"],
                (decimal?)item["suggestion"]!["proposedTarget"]));
    }

    [Theory]
    [InlineData("/v1/insights", "getInsights", "InsightList", "InsightView")]
    [InlineData("/v1/recommendations", "getRecommendations", "RecommendationList", "RecommendationView")]
    public async Task The_openapi_document_describes_both_with_their_schemas_and_problems(string path, string operationId, string list, string item)
    {
        using var client = api.AnonymousClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        var operation = document["paths"]![path]!["get"]!;
        Assert.Equal(operationId, (string?)operation["operationId"]);
        Assert.Equal($"#/components/schemas/{list}", (string?)operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        foreach (var status in new[] { "401", "429", "500", "503" })
        {
            Assert.NotNull(operation["responses"]![status]!["content"]!["application/problem+json"]);
        }

        var schemas = document["components"]!["schemas"]!;
        Assert.Equal($"#/components/schemas/{item}", (string?)schemas[list]!["properties"]!["items"]!["items"]!["$ref"]);
        Assert.True(schemas[item]!["properties"]!.AsObject().Count >= 4, schemas[item]!.ToJsonString());
    }

    private Task<PutItemResponse> PutAsync(Dictionary<string, AttributeValue> item) =>
        api.Dynamo.Client.PutItemAsync(new PutItemRequest { TableName = api.Dynamo.TableName, Item = item });
}
