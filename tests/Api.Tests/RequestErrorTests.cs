using System.Net;
using System.Text;
using System.Text.Json;
using Lifestyle.Api.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Api.Tests;

/// <summary>payload-too-large (413) and idempotency-key-reused (422).</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestErrorTests(ApiFixture api)
{
    [Fact]
    public async Task A_body_over_64_KiB_is_payload_too_large()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var body = new { title = "Big", pattern = "daily", target = 8, unit = new string('u', 70 * 1024) };

        var response = await client.PostJsonAsync("/v1/goals", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Empty(await api.GoalHeadItemsAsync(user));
    }

    [Fact]
    public async Task A_body_over_64_KiB_without_a_content_length_is_payload_too_large()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var json = JsonSerializer.SerializeToUtf8Bytes(new { value = 1, note = new string('n', 70 * 1024) });
        using var content = new UnsizedContent(json);

        var response = await client.PostAsync($"/v1/goals/{goalId}/activities", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Single(await api.EventItemsAsync(user, goalId));
    }

    [Fact]
    public async Task A_body_just_under_64_KiB_is_read_and_validated_rather_than_refused_for_size()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());

        var response = await client.LogAsync(goalId, new { value = 1, note = new string('n', 60 * 1024) });

        await response.ShouldBeValidationProblemAsync("note");
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_body_is_idempotency_key_reused_and_appends_nothing()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var key = GoalApi.IdempotencyKey("log-" + Guid.NewGuid().ToString("N"));
        await (await client.LogAsync(goalId, new { value = 1 }, key)).ShouldSucceedAsync(HttpStatusCode.Created);

        var reused = await client.LogAsync(goalId, new { value = 2 }, key);

        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(2, (await api.EventItemsAsync(user, goalId)).Count);
    }

    [Fact]
    public async Task The_same_idempotency_key_on_another_command_or_goal_is_idempotency_key_reused()
    {
        var user = ApiFixture.NewUserId();
        using var client = api.ClientFor(user);
        var goalA = await client.CreateGoalAsync(Goals.Daily());
        var goalB = await client.CreateGoalAsync(Goals.Daily());
        var key = GoalApi.IdempotencyKey("k-" + Guid.NewGuid().ToString("N"));
        await (await client.TransitionAsync(goalA, "pause", key)).ShouldSucceedAsync(HttpStatusCode.OK);

        var otherCommand = await client.TransitionAsync(goalA, "resume", key);
        var otherGoal = await client.TransitionAsync(goalB, "pause", key);
        var create = await client.PostJsonAsync("/v1/goals", Goals.Daily(), key);

        await otherCommand.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await otherGoal.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        await create.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Single(await api.EventItemsAsync(user, goalB));
        Assert.Equal(2, (await api.GoalHeadItemsAsync(user)).Count);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_if_match_is_idempotency_key_reused()
    {
        using var client = api.ClientFor(ApiFixture.NewUserId());
        var goalId = await client.CreateGoalAsync(Goals.Daily());
        var key = "k-" + Guid.NewGuid().ToString("N");
        var first = new Dictionary<string, string> { ["Idempotency-Key"] = key, ["If-Match"] = "\"1\"" };
        await (await client.PatchGoalAsync(goalId, new { title = "A" }, first)).ShouldSucceedAsync(HttpStatusCode.OK);

        var withoutIfMatch = await client.PatchGoalAsync(goalId, new { title = "A" }, GoalApi.IdempotencyKey(key));

        await withoutIfMatch.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    /// <summary>A body whose length is not known up front (sent chunked), so only reading enforces the limit.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] bytes;

        public UnsizedContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
