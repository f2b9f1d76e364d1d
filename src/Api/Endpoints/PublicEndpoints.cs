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
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            string dynamo;
            try
            {
                var table = await db.DescribeTableAsync(options.Value.TableName, timeout.Token);
                dynamo = table.Table.TableStatus == TableStatus.ACTIVE ? "up" : "down";
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or OperationCanceledException)
            {
                dynamo = "down";
            }

            // Redis is a cache: without it the API answers from the table, degraded but ready.
            var cache = !redis.Enabled ? "disabled" : await PingAsync(redis) ? "up" : "down";
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

    private static async Task<bool> PingAsync(RedisConnection redis)
    {
        try
        {
            return redis.Database is { } db && await db.PingAsync() < TimeSpan.FromSeconds(1);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return false;
        }
    }
}

public sealed record LiveReport([property: AllowedValues("live")] string Status);

/// <summary><c>ready</c>, <c>degraded</c> (Redis down: reads go to the table) or <c>unavailable</c> (503).</summary>
public sealed record ReadyReport([property: AllowedValues("ready", "degraded", "unavailable")] string Status, ReadyChecks Checks);

public sealed record ReadyChecks(
    [property: AllowedValues("up", "down")] string Dynamodb,
    [property: AllowedValues("up", "down", "disabled")] string Redis);
