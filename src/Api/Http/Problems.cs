using Microsoft.AspNetCore.Mvc;

namespace Lifestyle.Api.Http;

/// <summary>RFC 9457 problem+json with the spec's <c>code</c> (and <c>errors</c> for validation).</summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string code, string title, string detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://lifestyle.example/problems/{code}",
        };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }

    public static Task WriteAsync(HttpContext ctx, ProblemDetails problem)
    {
        problem.Instance ??= ctx.Request.Path;
        return Results.Problem(problem).ExecuteAsync(ctx);
    }

    public static IReadOnlyDictionary<string, string[]> Field(string field, string message) =>
        new Dictionary<string, string[]> { [field] = [message] };
}

/// <summary>The request itself is malformed (JSON syntax, types, headers): 400 validation-failed.</summary>
public sealed class BadRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A body that is not declared <c>application/json</c>.</summary>
public sealed class UnsupportedMediaTypeException(string? contentType)
    : Exception(contentType is null
        ? "A request body must be sent with Content-Type: application/json."
        : $"Content-Type '{contentType}' is not supported; send application/json.");

/// <summary>The body is over the 64 KiB limit.</summary>
public sealed class PayloadTooLargeException(long limit) : Exception($"The request body exceeds {limit} bytes.");
