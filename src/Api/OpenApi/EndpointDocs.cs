using Lifestyle.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Lifestyle.Api.OpenApi;

/// <summary>The problem <c>code</c>s an endpoint (or a group) can answer; their statuses become its problem responses.</summary>
public sealed record ProblemCodesMetadata(IReadOnlyList<string> Codes);

/// <summary>The endpoint's query and header parameters (<see cref="ApiParameters"/>).</summary>
public sealed record ParametersMetadata(IReadOnlyList<ApiParameter> Parameters);

/// <summary>The JSON body an endpoint reads itself, with a minimal valid example of it.</summary>
public sealed record RequestBodyMetadata(Type Type, string Example);

/// <summary>Response headers of a success status (<see cref="ApiResponseHeaders"/>).</summary>
public sealed record ResponseHeadersMetadata(int Status, IReadOnlyList<ApiParameter> Headers);

/// <summary>What the OpenAPI document says about an endpoint, next to its mapping.</summary>
public static class EndpointDocs
{
    /// <summary>The codes of a goal command; add <c>unsupported-media-type</c> for one with a body.</summary>
    public static readonly string[] CommandCodes =
    [
        "validation-failed", "goal-not-found", "goal-archived", "goal-already-completed", "goal-paused",
        "version-mismatch", "payload-too-large", "idempotency-key-reused", "service-unavailable", "user-erased",
    ];

    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string operationId, string tag, string summary) =>
        builder.WithName(operationId).WithTags(tag).WithSummary(summary);

    /// <summary>Adds a <c>application/problem+json</c> response for each status of <paramref name="codes"/>.</summary>
    public static TBuilder WithProblems<TBuilder>(this TBuilder builder, params string[] codes)
        where TBuilder : IEndpointConventionBuilder
    {
        var statuses = codes.Select(c => ProblemCodes.Statuses.TryGetValue(c, out var s) ? s
            : throw new ArgumentException($"Unknown problem code '{c}'.", nameof(codes))).Distinct().ToArray();
        builder.WithMetadata(new ProblemCodesMetadata(codes));
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }

        return builder;
    }

    public static RouteHandlerBuilder WithParameters(this RouteHandlerBuilder builder, params ApiParameter[] parameters) =>
        builder.WithMetadata(new ParametersMetadata(parameters));

    /// <summary>
    /// The body type (<c>application/json</c>) and a minimal valid body. Not <c>Accepts&lt;T&gt;</c>: its content-type
    /// matcher would answer 415 before the 413 check, with the framework's problem instead of ours.
    /// </summary>
    public static RouteHandlerBuilder WithBody<T>(this RouteHandlerBuilder builder, string example)
        where T : notnull =>
        builder.WithMetadata(new RequestBodyMetadata(typeof(T), example));

    /// <summary>A command on an existing goal: If-Match, Idempotency-Key, and its answer with ETag.</summary>
    public static RouteHandlerBuilder Command(this RouteHandlerBuilder builder, int status) =>
        builder.WithParameters(ApiParameters.IfMatch, ApiParameters.IdempotencyKey)
            .Produces<Commands.Common.CommandResponse>(status)
            .WithResponseHeaders(status, ApiResponseHeaders.Command);

    public static RouteHandlerBuilder WithResponseHeaders(this RouteHandlerBuilder builder, int status, params ApiParameter[] headers) =>
        builder.WithMetadata(new ResponseHeadersMetadata(status, headers));
}
