namespace Lifestyle.Projections.Notifications;

/// <summary>One SNS message: the body and its String message attributes, in order.</summary>
public sealed record SnsMessage(string Body, IReadOnlyList<KeyValuePair<string, string>> Attributes);
