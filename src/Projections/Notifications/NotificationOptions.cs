namespace Lifestyle.Projections.Notifications;

/// <summary>Configuration section <c>Notifications</c>: how pending notifications are retried.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the local projector's sweeper looks for pending notifications.</summary>
    public double SweepSeconds { get; set; } = 5;

    /// <summary>
    /// How often a process without the background sweeper (the projector Lambda) sweeps, from its observer.
    /// </summary>
    public double InlineSweepSeconds { get; set; } = 60;

    /// <summary>
    /// How long a publisher owns a pending notification before another may publish it. Must exceed the
    /// worst-case publish (<c>Sns:MaxAttempts</c> × <c>Sns:TimeoutSeconds</c> plus backoff).
    /// </summary>
    public double LeaseSeconds { get; set; } = 90;

    /// <summary>Sent notification items expire (ttl) after this many days; until then a fact is never sent twice.</summary>
    public int RetentionDays { get; set; } = 400;
}
