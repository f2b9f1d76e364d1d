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
}
