using System.Net;
using Lifestyle.Commands.Users.Erasure;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Stack.Tests.Erasure;

/// <summary>An erasure left pending (its process stopped after one page) refuses commands and is finished by the next API process.</summary>
[Collection(ErasureCollection.Name)]
public sealed class ErasureResumeTests(NotificationStackFixture fixture)
{
    private StackFixture Stack => fixture.Stack;

    [Fact]
    public async Task A_pending_erasure_answers_409_repeats_its_id_and_is_resumed_when_an_api_starts()
    {
        var userId = StackFixture.NewUserId();
        var client = Stack.ClientFor(userId);
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8, startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60) });
        await EventSeeder.AppendLogsAsync(Stack, userId, goalId, 3_000);
        var (job, started) = await Stack.Api.Services.GetRequiredService<ErasureLedger>().StartAsync(userId, default);
        Assert.True(started);
        Assert.False(await Stack.Api.Services.GetRequiredService<UserErasure>().RunAsync(job, TimeSpan.Zero, default));

        var status = await client.SendOkAsync(HttpMethod.Get, $"/v1/me/erasure/{job.ErasureId}");
        Assert.Equal("pending", (string)status["status"]!);
        Assert.InRange((long)status["items"]!, 1, 2_999);
        Assert.Null(status["finishedAt"]);
        var log = await client.PostAsync($"/v1/goals/{goalId}/activities", Json("{\"value\":1}"));
        Assert.Equal((HttpStatusCode.Conflict, "user-erased"), (log.StatusCode, await ErasureTests.CodeAsync(log)));
        var create = await client.PostAsync("/v1/goals", Json("{\"title\":\"New\",\"pattern\":\"daily\",\"target\":1}"));
        Assert.Equal((HttpStatusCode.Conflict, "user-erased"), (create.StatusCode, await ErasureTests.CodeAsync(create)));
        var again = await client.SendOkAsync(HttpMethod.Delete, "/v1/me", expected: HttpStatusCode.Accepted);
        Assert.Equal((job.ErasureId, "pending"), ((string)again["erasureId"]!, (string)again["status"]!));

        // Another API process on the same table: its worker resumes every pending erasure at start.
        await using var restarted = new WebApplicationFactory<Lifestyle.Api.ApiEntryPoint>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            foreach (var (key, value) in Stack.Settings)
            {
                b.UseSetting(key, value);
            }
        });
        _ = restarted.Server;

        var done = await client.WaitDoneAsync(job.ErasureId);
        Assert.True((long)done["items"]! > 3_000, done.ToJsonString());
        Assert.Empty(await Stack.PartitionAsync(userId));
        Assert.Empty(await Stack.RedisKeysOfAsync(userId));
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
