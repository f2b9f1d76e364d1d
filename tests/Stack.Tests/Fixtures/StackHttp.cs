using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Lifestyle.Stack.Tests.Fixtures;

public static class StackHttp
{
    public static async Task<JsonObject> SendOkAsync(this HttpClient client, HttpMethod method, string path, object? body = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<string> CreateGoalAsync(this HttpClient client, object body) =>
        (string)(await client.SendOkAsync(HttpMethod.Post, "/v1/goals", body, HttpStatusCode.Created))["goalId"]!;

    /// <summary>Logs an activity; returns the goal version it produced.</summary>
    public static async Task<long> LogAsync(this HttpClient client, string goalId, decimal value, string? occurredAt = null, string? note = null) =>
        (long)(await client.SendOkAsync(HttpMethod.Post, $"/v1/goals/{goalId}/activities",
            new { value, occurredAt, note }, HttpStatusCode.Created))["version"]!;

    /// <summary>The goal view once its read model reached <paramref name="version"/> (read-your-writes, 2 s), failing if stale.</summary>
    public static async Task<JsonObject> GoalAtAsync(this HttpClient client, string goalId, long version)
    {
        var response = await client.GetAsync($"/v1/goals/{goalId}?minVersion={version}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Lifestyle-Consistency"), $"read model of {goalId} still behind version {version}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
