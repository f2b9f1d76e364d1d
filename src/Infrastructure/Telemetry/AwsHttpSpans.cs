using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry.Instrumentation.Http;

namespace Lifestyle.Infrastructure.Telemetry;

/// <summary>
/// HTTP client spans: the AWS SDK's calls (and our own DynamoDB Streams and SNS clients) are HTTP calls, named here
/// from <c>X-Amz-Target</c>, e.g. <c>DynamoDB_20120810.TransactWriteItems</c> → <c>DynamoDB.TransactWriteItems</c>.
/// </summary>
internal static class AwsHttpSpans
{
    private static readonly ConcurrentDictionary<string, Target> Targets = new(StringComparer.Ordinal);

    public static void Configure(HttpClientTraceInstrumentationOptions options)
    {
        options.FilterHttpRequestMessage = _ => InTrace(Activity.Current);
        options.EnrichWithHttpRequestMessage = Enrich;
    }

    /// <summary>
    /// Only calls made inside a trace (a request, a batch, a verb): the local consumer polls its stream ten times a
    /// second and background loops write checkpoints, and each of those would otherwise be a trace of its own.
    /// </summary>
    internal static bool InTrace(Activity? http) => http is not null && (http.Parent is not null || http.ParentSpanId != default);

    internal static void Enrich(Activity activity, HttpRequestMessage request)
    {
        if (!request.Headers.TryGetValues("X-Amz-Target", out var values) || values.FirstOrDefault() is not { } header)
        {
            return;
        }

        var target = Targets.Count < 256 ? Targets.GetOrAdd(header, Target.Parse) : Target.Parse(header);
        if (target.Method.Length == 0)
        {
            return;
        }

        activity.DisplayName = target.SpanName;
        activity.SetTag("rpc.system", "aws-api");
        activity.SetTag("rpc.service", target.Service);
        activity.SetTag("rpc.method", target.Method);
    }

    internal sealed record Target(string SpanName, string Service, string Method)
    {
        public static Target Parse(string header)
        {
            var dot = header.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == header.Length - 1)
            {
                return new Target(header, header, "");
            }

            var service = header[..dot];
            var version = service.IndexOf('_', StringComparison.Ordinal);
            service = version > 0 ? service[..version] : service;
            var method = header[(dot + 1)..];
            return new Target($"{service}.{method}", service, method);
        }
    }
}
