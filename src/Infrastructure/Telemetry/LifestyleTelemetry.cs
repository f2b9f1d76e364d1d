using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Lifestyle.Infrastructure.Telemetry;

/// <summary>
/// The project's ActivitySource and Meter, both named <see cref="Name"/>. While no SDK listens (telemetry off),
/// <c>StartActivity</c> answers null and instruments return at once, so the hot paths pay next to nothing.
/// Nothing recorded here carries a user id.
/// </summary>
public static class LifestyleTelemetry
{
    public const string Name = "Lifestyle";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Timeouts = Meter.CreateCounter<long>(
        "lifestyle.dependency.timeouts", "{timeout}", "Calls to a dependency that did not answer in time, by dependency: redis, dynamodb, sns.");

    public static void DependencyTimedOut(string dependency)
    {
        if (Timeouts.Enabled)
        {
            Timeouts.Add(1, new KeyValuePair<string, object?>("dependency", dependency));
        }
    }

    /// <summary>Marks a span failed with the exception's type only: messages can carry identifiers.</summary>
    public static void Failed(Activity? activity, Exception error)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", error.GetType().FullName);
        }
    }
}
