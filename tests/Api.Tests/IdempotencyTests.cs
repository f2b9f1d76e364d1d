using System.Net;
using System.Text.Json.Nodes;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>Idempotency-Key: a repeat of the same request replays the first response and appends nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiFixture api)
{
    private static Dictionary<string, string> NewKey() => GoalApi.IdempotencyKey("key-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_repeated_activity_replays_the_first_status_and_body_and_appends_once()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var key = NewKey();

        var first = await client.LogAsync(goalId, new { value = 3, note = "glass" }, key);
        var repeat = await client.LogAsync(goalId, new { value = 3, note = "glass" }, key);

        var firstBody = await first.ShouldSucceedAsync(HttpStatusCode.Created);
        var repeatBody = await repeat.ShouldSucceedAsync(HttpStatusCode.Created);
        Assert.True(JsonNode.DeepEquals(firstBody, repeatBody), $"{firstBody} vs {repeatBody}");
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], repeat.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(first.Headers.ETag, repeat.Headers.ETag);
        Assert.Equal(2, (await api.EventItemsAsync(user, goalId)).Count);
        Assert.Equal(3L, await client.TransitionAsync(goalId, "pause").VersionAsync());
    }

    [Fact]
    public async Task A_repeated_create_answers_the_same_goal_and_creates_one()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var key = NewKey();

        var first = await client.PostJsonAsync("/v1/goals", Goals.Daily(), key);
        var repeat = await client.PostJsonAsync("/v1/goals", Goals.Daily(), key);

        var firstBody = await first.ShouldSucceedAsync(HttpStatusCode.Created);
        var repeatBody = await repeat.ShouldSucceedAsync(HttpStatusCode.Created);
        Assert.Equal((string?)firstBody["goalId"], (string?)repeatBody["goalId"]);
        Assert.True(JsonNode.DeepEquals(firstBody, repeatBody));
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(["true"], repeat.Headers.GetValues("Idempotent-Replayed"));
        var heads = await api.GoalHeadItemsAsync(user);
        Assert.Equal((string?)firstBody["goalId"], Assert.Single(heads)["goalId"].S);
    }

    [Fact]
    public async Task A_repeated_status_change_replays_after_later_changes_without_reapplying()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var key = NewKey();
        var pause = await (await client.TransitionAsync(goalId, "pause", key)).ShouldSucceedAsync(HttpStatusCode.OK);
        await client.TransitionAsync(goalId, "resume").VersionAsync();

        var repeat = await client.TransitionAsync(goalId, "pause", key);

        var body = await repeat.ShouldSucceedAsync(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(pause, body), $"{pause} vs {body}");
        Assert.Equal("paused", (string?)body["status"]);
        Assert.Equal(3, (await api.EventItemsAsync(user, goalId)).Count);
        Assert.Equal("active", (await api.GoalHeadAsync(user, goalId))["status"].S);
    }

    [Fact]
    public async Task Concurrent_duplicates_all_answer_the_same_activity_and_append_exactly_once()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily(target: 100));
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.LogAsync(goalId, new { value = 5 }, key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.ShouldSucceedAsync(HttpStatusCode.Created)));
        Assert.Single(bodies.Select(b => (string?)b["activityId"]).Distinct());
        Assert.All(bodies, b => Assert.Equal(2L, (long)b["version"]!));
        Assert.Single(responses, r => !r.Headers.Contains("Idempotent-Replayed"));
        var events = await api.EventItemsAsync(user, goalId);
        Assert.Equal(["goal-created.v1", "activity-logged.v1"], events.Select(e => e["eventType"].S));
    }

    [Fact]
    public async Task A_key_is_scoped_to_its_user()
    {
        using var alice = api.ClientFor(ApiFixture.NewUserId());
        using var bob = api.ClientFor(ApiFixture.NewUserId());
        var key = NewKey();

        var fromAlice = await alice.PostJsonAsync("/v1/goals", Goals.Daily(), key);
        var fromBob = await bob.PostJsonAsync("/v1/goals", Goals.Daily(), key);
        var bobDifferent = await bob.PostJsonAsync("/v1/goals", Goals.Total(10), key);

        var a = await fromAlice.ShouldSucceedAsync(HttpStatusCode.Created);
        var b = await fromBob.ShouldSucceedAsync(HttpStatusCode.Created);
        Assert.False(fromBob.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual((string?)a["goalId"], (string?)b["goalId"]);
        await bobDifferent.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Fact]
    public async Task A_request_without_a_key_is_applied_every_time()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        await client.LogActivityIdAsync(goalId, 1);
        await client.LogActivityIdAsync(goalId, 1);

        Assert.Equal(3, (await api.EventItemsAsync(user, goalId)).Count);
    }

    [Fact]
    public async Task A_key_used_on_a_command_that_changed_nothing_is_still_bound_to_that_request()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        await client.TransitionAsync(goalId, "pause").VersionAsync();
        var key = NewKey();
        await (await client.TransitionAsync(goalId, "pause", key)).ShouldSucceedAsync(HttpStatusCode.OK);

        var repeat = await client.TransitionAsync(goalId, "pause", key);
        var reused = await client.TransitionAsync(goalId, "resume", key);

        Assert.Equal(2L, (long)(await repeat.ShouldSucceedAsync(HttpStatusCode.OK))["version"]!);
        Assert.True(repeat.Headers.Contains("Idempotent-Replayed"), "The repeat was not marked as replayed.");
        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }
}
