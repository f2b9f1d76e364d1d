using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Lifestyle.Dashboard.Tests;

/// <summary><c>POST /dev/token</c> in Development, and the page's files: anonymous, under the CSP, no inline script.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DevTokenTests(DashboardFixture fixture) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = fixture.Stack.ServerAddress };

    [Fact]
    public async Task A_dev_token_is_issued_for_a_valid_user_id_and_the_api_accepts_it()
    {
        var before = DateTimeOffset.UtcNow;
        using var response = await http.PostAsJsonAsync("/dev/token", new { userId = "dev_User-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var expiresAt = DateTimeOffset.Parse((string)body["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt, before.AddHours(12).AddSeconds(-2), DateTimeOffset.UtcNow.AddHours(12));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/dashboard");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["token"]!);
        using var dashboard = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Theory]
    [InlineData("{\"userId\":\"\"}")]
    [InlineData("{\"userId\":\"alice\\n\"}")]
    [InlineData("{\"userId\":\"al ice\"}")]
    [InlineData("{\"userId\":\"<script>\"}")]
    [InlineData("{\"userId\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}")]
    [InlineData("{}")]
    [InlineData("{\"userId\":\"alice\",\"admin\":true}")]
    public async Task A_user_id_that_is_not_a_valid_sub_is_refused(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/dev/token", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("validation-failed", (string)problem["code"]!);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/index.html", "text/html")]
    [InlineData("/js/app.js", "text/javascript")]
    [InlineData("/css/dashboard.css", "text/css")]
    [InlineData("/dev/sign-in.js", "text/javascript")]
    public async Task The_page_and_its_files_are_anonymous_and_under_the_content_security_policy(string path, string type)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        PageHeaders.AssertPresent(response);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_event_handler_attributes()
    {
        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>");
        Assert.All(scripts, s => Assert.Contains("src=", s.Value, StringComparison.Ordinal));
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"\son[a-z]+\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase), html);
    }

    public void Dispose() => http.Dispose();
}
