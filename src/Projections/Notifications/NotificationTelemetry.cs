using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Lifestyle.Infrastructure.Telemetry;

namespace Lifestyle.Projections.Notifications;

/// <summary>
/// <c>lifestyle.notifications.backlog</c>: facts recorded and queued in this process's outboxes, not yet published
/// (what the outbox channels already count; nothing is read from the table). And a span per SNS call.
/// </summary>
internal static class NotificationTelemetry
{
    private static readonly ConditionalWeakTable<NotificationOutbox, object?> Outboxes = [];

    private static readonly ObservableGauge<long> Backlog = LifestyleTelemetry.Meter.CreateObservableGauge(
        "lifestyle.notifications.backlog", ObserveBacklog, "{notification}", "Notifications queued in the outbox, waiting to be published.");

    public static void Watch(NotificationOutbox outbox)
    {
        _ = Backlog;
        Outboxes.AddOrUpdate(outbox, null);
    }

    public static Activity? StartSnsCall(string action)
    {
        var span = LifestyleTelemetry.Source.StartActivity(action == "Publish" ? "SNS.Publish" : "SNS." + action, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("rpc.system", "aws-api");
            span.SetTag("rpc.service", "SNS");
            span.SetTag("rpc.method", action);
        }

        return span;
    }

    private static Measurement<long> ObserveBacklog()
    {
        long queued = 0;
        foreach (var (outbox, _) in Outboxes)
        {
            queued += outbox.Queued;
        }

        return new Measurement<long>(queued);
    }
}
