using Amazon.DynamoDBv2;
using Lifestyle.Api.Auth;
using Lifestyle.Api.Dashboard;
using Lifestyle.Api.Endpoints;
using Lifestyle.Api.Http;
using Lifestyle.Api.OpenApi;
using Lifestyle.Commands;
using Lifestyle.Commands.Users.Erasure;
using Lifestyle.Infrastructure;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;
using Lifestyle.Infrastructure.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Lifestyle.Queries;
using Microsoft.Extensions.Options;

namespace Lifestyle.Api;

public static class ApiHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(k => RequestLimits.ConfigureServer(k.Limits));
        // Strict numbers: request bodies are read without string numbers, and the document says so.
        builder.Services.ConfigureHttpJsonOptions(o => StoreJson.Configure(o.SerializerOptions).NumberHandling =
            System.Text.Json.Serialization.JsonNumberHandling.Strict);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodes.Customize);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddLifestyleOpenApi(builder.Configuration);
        builder.Services.AddLifestyleCors(builder.Configuration);
        builder.Services.AddLifestyleRateLimiter(builder.Configuration);
        builder.Services.AddLifestyleStorage(builder.Configuration);
        builder.Services.AddLifestyleCommands();
        builder.Services.AddLifestyleErasure();
        builder.Services.AddLifestyleQueries(builder.Configuration);
        builder.Services.AddLifestyleAuth(builder.Configuration);
        builder.Services.AddHostedService<TableBootstrapService>();
        builder.Services.AddLifestyleTelemetry(builder.Configuration, "lifestyle-api")?
            .WithTracing(t => t.AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation());

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLimits>();
        app.UseMiddleware<DependencyBounds>();
        app.UseDashboard();
        app.UseCors();
        app.UseRouting();
        app.UseMiddleware<CommandMetrics>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapApiDocuments();
        var all = app.MapGroup("").WithProblems("uri-too-long", "headers-too-large", "internal-error", "service-unavailable");
        all.MapPublicEndpoints();
        all.MapGroup("/v1").RequireAuthorization().WithProblems("unauthorized", "rate-limited")
            .MapGoalCommands().MapGoalQueries().MapInsights().MapErasure();
        return app;
    }
}

/// <summary>Creates the table at start-up when <c>DynamoDb:CreateTableIfMissing</c> (local stacks).</summary>
internal sealed class TableBootstrapService(IAmazonDynamoDB db, IOptions<DynamoOptions> options, ILogger<TableBootstrapService> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.CreateTableIfMissing && await TableSchema.EnsureAsync(db, options.Value.TableName, cancellationToken))
        {
            log.LogInformation("Created table {Table}", options.Value.TableName);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
