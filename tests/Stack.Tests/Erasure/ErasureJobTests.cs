using System.Text.Json.Nodes;
using Lifestyle.Commands.Users.Erasure;
using Lifestyle.Projections.Jobs;
using Lifestyle.Projections.Stream;
using Lifestyle.Stack.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lifestyle.Stack.Tests.Erasure;

/// <summary>
/// The erasure job that runs in AWS (infra/erasure.tf): the Lambda entry point, with the services the function builds,
/// finishes an erasure the request left pending, from its pending record, and a budget it cannot start in leaves it pending.
/// </summary>
[Collection(ErasureCollection.Name)]
public sealed class ErasureJobTests(NotificationStackFixture fixture)
{
    private StackFixture Stack => fixture.Stack;

    [Fact]
    public async Task The_lambda_job_finishes_an_erasure_the_request_left_pending_and_leaves_it_pending_without_budget()
    {
        var userId = StackFixture.NewUserId();
        using var client = Stack.ClientFor(userId);
        var goalId = await client.CreateGoalAsync(new { title = "Water", pattern = "daily", target = 8, startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60) });
        await EventSeeder.AppendLogsAsync(Stack, userId, goalId, 2_000);
        var (job, started) = await Stack.Api.Services.GetRequiredService<ErasureLedger>().StartAsync(userId, default);
        Assert.True(started);
        Assert.False(await Stack.Api.Services.GetRequiredService<UserErasure>().RunAsync(job, TimeSpan.Zero, default));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Stack.Settings).Build();
        var services = LambdaServices.Build(configuration, s => s.AddLifestyleErasureJob());
        var pending = services.GetRequiredService<PendingErasures>();
        var idle = await RunAsync(new ErasureEntryPoint(pending, TimeSpan.Zero));
        Assert.True((int)idle["leftPending"]! >= 1, idle.ToJsonString());
        var status = await client.SendOkAsync(HttpMethod.Get, $"/v1/me/erasure/{job.ErasureId}");
        Assert.Equal("pending", (string)status["status"]!);

        var run = await RunAsync(new ErasureEntryPoint(pending, TimeSpan.FromMinutes(2)));
        Assert.True((int)run["done"]! >= 1, run.ToJsonString());
        var done = await client.WaitDoneAsync(job.ErasureId);
        Assert.True((long)done["items"]! > 2_000, done.ToJsonString());
        Assert.Empty(await Stack.PartitionAsync(userId));
        Assert.Empty(await Stack.RedisKeysOfAsync(userId));
    }

    private static async Task<JsonObject> RunAsync(ErasureEntryPoint entryPoint)
    {
        await using var output = await entryPoint.HandleAsync(new MemoryStream("{\"job\":\"erasure\"}"u8.ToArray()));
        return JsonNode.Parse(output)!.AsObject();
    }
}
