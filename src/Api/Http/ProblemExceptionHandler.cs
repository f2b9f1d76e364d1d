using FluentValidation;
using Lifestyle.Commands.Common;
using Lifestyle.Domain.Goals;
using Lifestyle.Queries.Users.GetErasure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Lifestyle.Api.Http;

/// <summary>The one place exceptions become problem+json; anything unknown is a 500 without internals.</summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        if (problem.Status == 503)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        await Problems.WriteAsync(httpContext, problem);
        return true;
    }

    public static ProblemDetails Map(Exception e) => e switch
    {
        ValidationException v => Problems.Create(400, "validation-failed", "The request is not valid.",
            "One or more fields are not valid.", v.Errors
                .GroupBy(f => FieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray())),
        BadRequestException b => Problems.Create(400, "validation-failed", "The request is not valid.", b.Message,
            Problems.Field(b.Field, b.Message)),
        PayloadTooLargeException p => Problems.Create(413, "payload-too-large", "Payload too large.", p.Message),
        UnsupportedMediaTypeException u => Problems.Create(415, "unsupported-media-type", "Unsupported media type.", u.Message),
        BadHttpRequestException { StatusCode: 413 } => Problems.Create(413, "payload-too-large", "Payload too large.",
            "The request body exceeds 65536 bytes."),
        BadHttpRequestException b => Problems.Create(400, "validation-failed", "The request is not valid.", b.Message),
        GoalRuleException r => FromRule(r),
        VersionMismatchException v => Problems.Create(412, "version-mismatch", "Version mismatch.", v.Message),
        IdempotencyKeyReusedException i => Problems.Create(422, "idempotency-key-reused", "Idempotency key reused.", i.Message),
        UserErasedException u => Problems.Create(409, "user-erased", "Account being erased.", u.Message),
        ErasureNotFoundException n => Problems.Create(404, "erasure-not-found", "Erasure not found.", n.Message),
        ConcurrencyExhaustedException c => Problems.Create(503, "service-unavailable", "Too much contention.", c.Message),
        DependencyTimeoutException d => Problems.Create(503, "service-unavailable", "Service unavailable.", d.Message),
        TimeoutException => Problems.Create(503, "service-unavailable", "Service unavailable.", "A dependency did not answer in time."),
        Amazon.Runtime.AmazonServiceException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError } or
            Amazon.DynamoDBv2.Model.ProvisionedThroughputExceededException or Amazon.DynamoDBv2.Model.RequestLimitExceededException or
            Amazon.Runtime.AmazonClientException or HttpRequestException =>
            Problems.Create(503, "service-unavailable", "Service unavailable.", "The store is unavailable; retry shortly."),
        _ => Problems.Create(500, "internal-error", "Internal error.", "An unexpected error occurred."),
    };

    private static ProblemDetails FromRule(GoalRuleException r)
    {
        var (status, code, title) = r.Code switch
        {
            GoalErrorCode.ValidationFailed => (400, "validation-failed", "The request is not valid."),
            GoalErrorCode.InvalidDateRange => (400, "invalid-date-range", "Invalid date range."),
            GoalErrorCode.GoalNotFound => (404, "goal-not-found", "Goal not found."),
            GoalErrorCode.ActivityNotFound => (404, "activity-not-found", "Activity not found."),
            GoalErrorCode.GoalArchived => (409, "goal-archived", "Goal archived."),
            GoalErrorCode.GoalAlreadyCompleted => (409, "goal-already-completed", "Goal already completed."),
            GoalErrorCode.GoalPaused => (409, "goal-paused", "Goal paused."),
            GoalErrorCode.GoalQuotaExceeded => (409, "goal-quota-exceeded", "Goal quota exceeded."),
            _ => (500, "internal-error", "Internal error."),
        };
        return Problems.Create(status, code, title, r.Message, r.Errors);
    }

    /// <summary>"Meta.UserId" → "userId"; "Value" → "value"; header names stay as they are.</summary>
    private static string FieldName(string property)
    {
        var last = property.Split('.')[^1];
        return last.Contains('-', StringComparison.Ordinal) || last.Length == 0
            ? last
            : char.ToLowerInvariant(last[0]) + last[1..];
    }
}
