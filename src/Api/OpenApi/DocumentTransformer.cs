using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lifestyle.Api.OpenApi;

/// <summary>Title, tags and the bearer (JWT) scheme, required by every operation that does not opt out.</summary>
public sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Scheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Lifestyle API";
        document.Info.Version = "1";
        document.Info.Description =
            "Goals and habits: commands append events, queries answer from read models. Errors are RFC 9457 " +
            "`application/problem+json` with a `code`. With a token, an unknown path is `404 not-found` and a wrong " +
            "method `405 method-not-allowed`; without one, both are `401 unauthorized`.";
        document.Tags = new HashSet<OpenApiTag>(ApiTags.Descriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT whose `sub` (1-64 characters of `[A-Za-z0-9_-]`) is the user; lifetime at most 24 h.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
