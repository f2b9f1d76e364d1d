using Amazon.Runtime;
using Lifestyle.Infrastructure.Cache;
using StackExchange.Redis;

namespace Lifestyle.Infrastructure.Resilience;

/// <summary>
/// The failures a dependency (DynamoDB, Redis, SNS) gives when it is slow, hung or gone: a background job retries
/// them on its next round. Anything else is a defect and is not caught.
/// </summary>
public static class DependencyFailures
{
    public static bool IsTransient(Exception e, CancellationToken stopping) => !stopping.IsCancellationRequested && e switch
    {
        AmazonServiceException or AmazonClientException or HttpRequestException => true,
        TimeoutException or RedisException or CacheUnavailableException => true,
        // A bounded call gave up (its own deadline, not the host stopping).
        OperationCanceledException => true,
        _ => false,
    };
}
