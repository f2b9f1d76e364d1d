using Lifestyle.Api.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Lifestyle.Api.Http;

/// <summary>CORS and the OpenAPI document: nothing in either is taken from the request's Host header.</summary>
public static class HostSetup
{
    /// <summary>
    /// <c>Cors:AllowedOrigins</c> (none by default: no cross-origin access). Preflight requests are
    /// answered anonymously by the CORS middleware, with CORS headers only for a named origin.
    /// </summary>
    public static IServiceCollection AddLifestyleCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        return services.AddCors(c => c.AddDefaultPolicy(p => p
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("ETag", "Location", "Retry-After", "Idempotent-Replayed", "Lifestyle-Consistency")));
    }

    /// <summary>
    /// The OpenAPI document at <c>/openapi/v1.json</c>, and its reference page at <c>/docs</c> (Scalar, served from the
    /// package, no CDN) in Development or when <c>Api:Docs</c> is true; elsewhere <c>/docs</c> is an unknown path.
    /// </summary>
    public static WebApplication MapApiDocuments(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Api:Docs"))
        {
            app.MapScalarApiReference("/docs", o => o.WithTitle("Lifestyle API")).AllowAnonymous();
        }

        return app;
    }

    /// <summary>
    /// <c>servers</c> is <c>Api:PublicBaseUrl</c> when set, else the relative <c>/</c> (the document's
    /// own origin), never the Host header a caller sent.
    /// </summary>
    public static IServiceCollection AddLifestyleOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        var baseUrl = configuration["Api:PublicBaseUrl"] is { Length: > 0 } url ? url : "/";
        return services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Servers = [new OpenApiServer { Url = baseUrl }];
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer<DocumentTransformer>();
            o.AddOperationTransformer<OperationTransformer>();
            o.AddOperationTransformer<RequestBodyTransformer>();
            o.AddSchemaTransformer<SchemaTransformer>();
        });
    }
}
