using Microsoft.AspNetCore.Http;

namespace Lifestyle.Api.Http;

/// <summary>
/// The spec's <c>code</c> for answers the framework makes without one (no route, wrong method, a
/// status-only result): every 4xx/5xx body is problem+json with a code (docs/product-rules.md §5 "Errors").
/// </summary>
public static class ProblemCodes
{
    /// <summary>Every <c>code</c> with its status: the spec's table and <c>internal-error</c>.</summary>
    public static readonly IReadOnlyDictionary<string, int> Statuses = new Dictionary<string, int>
    {
        ["validation-failed"] = 400,
        ["invalid-date-range"] = 400,
        ["unauthorized"] = 401,
        ["goal-not-found"] = 404,
        ["activity-not-found"] = 404,
        ["erasure-not-found"] = 404,
        ["not-found"] = 404,
        ["method-not-allowed"] = 405,
        ["goal-archived"] = 409,
        ["goal-already-completed"] = 409,
        ["goal-paused"] = 409,
        ["goal-quota-exceeded"] = 409,
        ["user-erased"] = 409,
        ["version-mismatch"] = 412,
        ["payload-too-large"] = 413,
        ["uri-too-long"] = 414,
        ["unsupported-media-type"] = 415,
        ["idempotency-key-reused"] = 422,
        ["rate-limited"] = 429,
        ["headers-too-large"] = 431,
        ["internal-error"] = 500,
        ["service-unavailable"] = 503,
    };

    /// <summary>A framework-made answer with a status none of the codes above has.</summary>
    public const string Other = "request-refused";

    public static IEnumerable<string> All => Statuses.Keys.Append(Other);

    public static string ForStatus(int status) => status switch
    {
        400 => "validation-failed",
        401 => "unauthorized",
        404 => "not-found",
        405 => "method-not-allowed",
        413 => "payload-too-large",
        414 => "uri-too-long",
        415 => "unsupported-media-type",
        429 => "rate-limited",
        431 => "headers-too-large",
        503 => "service-unavailable",
        >= 500 => "internal-error",
        _ => Other,
    };

    /// <summary>Adds <c>code</c> (and <c>instance</c>) to framework-made problems; ours already carry theirs.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Extensions.TryAdd("code", ForStatus(status));
        problem.Instance ??= context.HttpContext.Request.Path;
        if (status is 404 or 405 && problem.Detail is null)
        {
            problem.Detail = status == 404
                ? "No resource is at this path."
                : $"{context.HttpContext.Request.Method} is not allowed here.";
        }
    }
}
