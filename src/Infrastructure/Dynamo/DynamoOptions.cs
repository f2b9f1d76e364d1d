namespace Lifestyle.Infrastructure.Dynamo;

/// <summary>Configuration section <c>DynamoDb</c>.</summary>
public sealed class DynamoOptions
{
    public const string Section = "DynamoDb";

    public string TableName { get; set; } = "lifestyle";

    /// <summary>Endpoint override for DynamoDB Local (e.g. http://127.0.0.1:8000); empty in AWS.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>Create the table (streams, GSIs, TTL) at start-up when it is missing: local stacks only.</summary>
    public bool CreateTableIfMissing { get; set; }

    /// <summary>
    /// How long one attempt of a DynamoDB request may take (the SDK's 10 s, with its retries, hung a
    /// command 40 s). In the API the 5 s request deadline cuts the retries short.
    /// </summary>
    public int TimeoutMs { get; set; } = 2000;

    /// <summary>Retries of throttled, conflicting or failed attempts (contention needs them; the deadline bounds them).</summary>
    public int MaxErrorRetry { get; set; } = 3;
}
