using System.Net;

namespace Lifestyle.Projections.Notifications;

/// <summary>An error answer of the SNS query API (its <c>Error/Code</c>), and whether a retry may succeed.</summary>
public sealed class SnsException(string code, string message, HttpStatusCode status)
    : Exception($"SNS {(int)status} {code}: {message}")
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "TooManyRequestsException",
        "KMSThrottling", "InternalError", "InternalFailure", "ServiceUnavailable", "RequestTimeout",
    };

    public string Code => code;

    public HttpStatusCode Status => status;

    /// <summary>Server errors, throttling and time-outs; not client errors such as a missing topic or bad parameter.</summary>
    public bool IsTransient => (int)status >= 500 || status == HttpStatusCode.TooManyRequests || TransientCodes.Contains(code);
}

/// <summary>
/// A Publish whose answer never came (time-out, connection lost mid-call): SNS may have delivered it. Its caller
/// keeps the notification's lease, so it is retried only after the lease (docs/product-rules.md §6), with the same notificationId.
/// </summary>
public sealed class SnsOutcomeUnknownException(string action, Exception inner)
    : Exception($"SNS {action}: no answer ({inner.Message}); it may have been delivered.", inner);
