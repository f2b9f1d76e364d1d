namespace Lifestyle.Projections.Notifications;

/// <summary>
/// Configuration section <c>Sns</c>: where notifications are published. Locally <c>ServiceUrl</c> points at the
/// emulator (fauxqs) and the topic is found by name; in AWS <c>TopicArn</c> names it (infra sets <c>Sns__TopicArn</c>).
/// With neither set, notifications are off (nothing is recorded or published) unless <c>Enabled</c> says otherwise.
/// </summary>
public sealed class SnsOptions
{
    public const string Section = "Sns";

    public const string DefaultTopicName = "lifestyle-notifications";

    /// <summary>Endpoint override for a local SNS (e.g. http://127.0.0.1:4566); empty in AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The topic; when empty it is resolved from <see cref="TopicName"/> with CreateTopic (idempotent), once.</summary>
    public string? TopicArn { get; set; }

    public string TopicName { get; set; } = DefaultTopicName;

    /// <summary>Signing region; default: the topic ARN's region, else <c>DynamoDb:Region</c>.</summary>
    public string? Region { get; set; }

    /// <summary>Null: on when <see cref="ServiceUrl"/> or <see cref="TopicArn"/> is set.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Attempts per publish by the sweeper and the daily job (exponential backoff in between).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Attempts of the outbox's immediate publish (definite failures only); what still fails is left to the sweeper.</summary>
    public int InlineAttempts { get; set; } = 2;

    /// <summary>The bound of one SNS call (docs/product-rules.md §8a: at most 2 s).</summary>
    public double TimeoutSeconds { get; set; } = 2;

    public bool IsEnabled => Enabled ?? (!string.IsNullOrWhiteSpace(ServiceUrl) || !string.IsNullOrWhiteSpace(TopicArn));

    public bool IsLocal => !string.IsNullOrWhiteSpace(ServiceUrl);

    public string RegionOr(string fallback) =>
        !string.IsNullOrWhiteSpace(Region) ? Region
        : TopicArn?.Split(':') is { Length: >= 6 } arn && arn[3].Length > 0 ? arn[3]
        : fallback;
}
