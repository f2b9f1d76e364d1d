using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Lifestyle.Api.Tests.Fixtures;

public static class HttpJson
{
    public static Task<HttpResponseMessage> SendJsonAsync(
        this HttpClient client, HttpMethod method, string path, object? body = null, IDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body = null, IDictionary<string, string>? headers = null) =>
        client.SendJsonAsync(HttpMethod.Post, path, body, headers);

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>Asserts a problem+json answer with this status and code; returns the problem.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return problem;
    }

    /// <summary>Asserts 400 validation-failed whose <c>errors</c> name this field (with non-empty messages); returns the problem.</summary>
    public static async Task<JsonObject> ShouldBeValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors?[field] is JsonArray { Count: > 0 }, $"Expected errors.{field} with messages in {problem.ToJsonString()}");
        return problem;
    }

    /// <summary>Creates a goal and returns its id.</summary>
    public static async Task<string> CreateGoalAsync(this HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/v1/goals", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (string)JsonNode.Parse(text)!["goalId"]!;
    }
}
