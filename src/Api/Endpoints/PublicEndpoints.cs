using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2;
using Lifestyle.Api.OpenApi;
using Lifestyle.Infrastructure.Cache;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Queries.Templates.GetTemplates;
using MediatR;
using Microsoft.Extensions.Options;

namespace Lifestyle.Api.Endpoints;

/// <summary>What needs no token: health and templates.</summary>
public static class PublicEndpoints
{
    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new LiveReport("live"))).AllowAnonymous()
            .Describe("getLiveness", ApiTags.Health, "The process is up").Produces<LiveReport>();
        app.MapGet("/health/ready", async (IAmazonDynamoDB db, IOptions<DynamoOptions> options, RedisConnection redis, CancellationToken ct) =>
        {
            // Both checks at once, each bounded, so readiness answers within 1 s whatever hangs.
            var cacheCheck = !redis.Enabled ? Task.FromResult("disabled") : PingAsync(redis);
            var dynamo = await DynamoStatusAsync(db, options.Value.TableName, ct);
            // Redis is a cache: without it the API answers from the table, degraded but ready.
            var cache = await cacheCheck;
            var ready = dynamo == "up";
            var status = !ready ? "unavailable" : cache == "down" ? "degraded" : "ready";
            return Results.Json(new ReadyReport(status, new ReadyChecks(dynamo, cache)), statusCode: ready ? 200 : 503);
        }).AllowAnonymous().Describe("getReadiness", ApiTags.Health, "The process and its dependencies are up")
            .Produces<ReadyReport>().Produces<ReadyReport>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/v1/templates", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetTemplatesQuery(), ct))
            .AllowAnonymous().Describe("listTemplates", ApiTags.Templates, "The five goal templates")
            .Produces<TemplateList>().WithProblems("rate-limited");
        return app;
    }

    private static async Task<string> DynamoStatusAsync(IAmazonDynamoDB db, string tableName, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(800));
        try
        {
            var table = await db.DescribeTableAsync(tableName, timeout.Token).WaitAsync(timeout.Token);
            return table.Table.TableStatus == TableStatus.ACTIVE ? "up" : "down";
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or OperationCanceledException)
        {
            return "down";
        }
    }

    private static async Task<string> PingAsync(RedisConnection redis)
    {
        try
        {
            return await redis.CallAsync("PING", db => db.PingAsync()) < TimeSpan.FromSeconds(1) ? "up" : "down";
        }
        catch (CacheUnavailableException)
        {
            return "down";
        }
    }
}

public sealed record LiveReport([property: AllowedValues("live")] string Status);

/// <summary><c>ready</c>, <c>degraded</c> (Redis down: reads go to the table) or <c>unavailable</c> (503).</summary>
public sealed record ReadyReport([property: AllowedValues("ready", "degraded", "unavailable")] string Status, ReadyChecks Checks);

public sealed record ReadyChecks(
    [property: AllowedValues("up", "down")] string Dynamodb,
    [property: AllowedValues("up", "down", "disabled")] string Redis);
