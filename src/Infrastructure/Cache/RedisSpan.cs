using System.Diagnostics;
using Lifestyle.Infrastructure.Telemetry;

namespace Lifestyle.Infrastructure.Cache;

/// <summary>A client span around one cache call; null (and free) while nobody listens.</summary>
internal static class RedisSpan
{
    public static Activity? Start(string command)
    {
        var span = LifestyleTelemetry.Source.StartActivity(command, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("db.system.name", "redis");
            span.SetTag("db.operation.name", command);
        }

        return span;
    }
}
