using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Lifestyle.Api.Tests.Fixtures;

/// <summary>The goal commands as one-liners, and the success assertion they share.</summary>
public static class GoalApi
{
    public static Task<HttpResponseMessage> PatchGoalAsync(
        this HttpClient client, string goalId, object body, IDictionary<string, string>? headers = null) =>
        client.SendJsonAsync(HttpMethod.Patch, $"/v1/goals/{goalId}", body, headers);

    /// <summary>POST /v1/goals/{goalId}/{transition}: pause, resume, complete or archive.</summary>
    public static Task<HttpResponseMessage> TransitionAsync(
        this HttpClient client, string goalId, string transition, IDictionary<string, string>? headers = null) =>
        client.PostJsonAsync($"/v1/goals/{goalId}/{transition}", null, headers);

    public static Task<HttpResponseMessage> LogAsync(
        this HttpClient client, string goalId, object body, IDictionary<string, string>? headers = null) =>
        client.PostJsonAsync($"/v1/goals/{goalId}/activities", body, headers);

    public static Task<HttpResponseMessage> RemoveActivityAsync(
        this HttpClient client, string goalId, string activityId, IDictionary<string, string>? headers = null) =>
        client.SendJsonAsync(HttpMethod.Delete, $"/v1/goals/{goalId}/activities/{activityId}", null, headers);

    /// <summary>Logs an activity that must succeed; returns its id.</summary>
    public static async Task<string> LogActivityIdAsync(this HttpClient client, string goalId, decimal value)
    {
        var body = await (await client.LogAsync(goalId, new { value })).ShouldSucceedAsync(HttpStatusCode.Created);
        return (string)body["activityId"]!;
    }

    /// <summary>Asserts the status (showing the body when it differs); returns the JSON body.</summary>
    public static async Task<JsonObject> ShouldSucceedAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Runs a command that must succeed and returns the goal version it answered.</summary>
    public static async Task<long> VersionAsync(this Task<HttpResponseMessage> command, HttpStatusCode status = HttpStatusCode.OK) =>
        (long)(await (await command).ShouldSucceedAsync(status))["version"]!;

    public static Dictionary<string, string> Header(string name, string value) => new() { [name] = value };

    public static Dictionary<string, string> IdempotencyKey(string key) => Header("Idempotency-Key", key);
}
