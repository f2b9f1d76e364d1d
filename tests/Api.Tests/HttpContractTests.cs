using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>Answers the framework used to give with an empty body, and the checks before a body is read.</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpContractTests(ApiFixture api)
{
    [Theory]
    [InlineData("GET", "/nope")]
    [InlineData("GET", "/v1/nope")]
    [InlineData("PUT", "/v1/goals")]
    [InlineData("DELETE", "/v1/goals/0123456789abcdef0123456789abcdef")]
    [InlineData("POST", "/v1/templates")]
    public async Task Unknown_paths_and_wrong_methods_answer_401_to_a_caller_without_a_token(string method, string path)
    {
        using var client = api.AnonymousClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/v1/nope")]
    [InlineData("/v1/goals/x/y/z")]
    public async Task An_unknown_path_with_a_token_is_not_found_problem_json(string path)
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        var response = await client.GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("PUT", "/v1/goals")]
    [InlineData("DELETE", "/v1/goals")]
    [InlineData("POST", "/v1/dashboard")]
    [InlineData("PUT", "/v1/goals/0123456789abcdef0123456789abcdef/pause")]
    public async Task A_wrong_method_with_a_token_is_method_not_allowed_with_an_Allow_header(string method, string path)
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_url_over_8_KiB_is_uri_too_long()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());

        var response = await client.GetAsync("/v1/goals?cursor=" + new string('c', 9000));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestUriTooLong, "uri-too-long");
    }

    [Fact]
    public async Task Headers_over_32_KiB_are_headers_too_large()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/goals");
        request.Headers.TryAddWithoutValidation("X-Filler", new string('h', 33 * 1024));

        var response = await client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task A_json_body_sent_as_another_media_type_is_unsupported_media_type_and_creates_nothing(string? contentType)
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"title":"Water","pattern":"daily","target":8}"""));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await client.PostAsync("/v1/goals", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    public async Task Json_with_parameters_or_in_other_case_is_accepted(string contentType)
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"title":"Water","pattern":"daily","target":8}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await (await client.PostAsync("/v1/goals", content)).ShouldSucceedAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_body_less_command_ignores_its_content_type()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        using var content = new StringContent("", Encoding.UTF8, "text/plain");

        await (await client.PostAsync($"/v1/goals/{goalId}/pause", content)).ShouldSucceedAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_size_limit_is_checked_before_the_media_type()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        using var content = new StringContent(new string('x', 70 * 1024), Encoding.UTF8, "text/plain");

        var response = await client.PostAsync("/v1/goals", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task The_openapi_document_names_no_server_from_the_Host_header()
    {
        using var client = api.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", (string?)document["servers"]![0]!["url"]);
        Assert.DoesNotContain("evil.example", document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cors_preflight_is_answered_anonymously_without_granting_an_unlisted_origin()
    {
        using var client = api.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v1/goals");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_api_reference_page_is_served_at_docs_in_development_from_the_app_itself()
    {
        using var client = api.AnonymousClient();

        var page = await client.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.GetAsync("/docs/scalar.js");
        var document = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (script.StatusCode, document.StatusCode));
    }

    [Fact]
    public async Task Anonymous_routes_stay_anonymous()
    {
        using var client = api.AnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("application/json").MediaType, (await client.GetAsync("/v1/templates")).Content.Headers.ContentType?.MediaType);
    }
}
