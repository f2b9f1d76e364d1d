using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Lifestyle.Projections.Cli;

/// <summary>
/// Where the operator tool points (docs/product-rules.md §7): with no variable set, at the local stack <c>./run.sh</c> starts, through
/// the same <c>LIFESTYLE_*</c> variables and defaults (DynamoDB Local on 8000, Redis on 6379, the SNS emulator on 4566,
/// table <c>lifestyle</c>); at real AWS only with <c>--aws</c> or <c>LIFESTYLE_TARGET=aws</c>. The local defaults sit
/// below every other source, so explicit <c>DynamoDb__*</c>, <c>Redis__*</c> and <c>Sns__*</c> settings win; and
/// when <c>DynamoDb__ServiceUrl</c> is given, the tool is configured by hand and no other endpoint is guessed.
/// The Lambda entry points do not use this (they never fall back to localhost).
/// </summary>
public static class ToolConfiguration
{
    private static readonly AsyncLocal<bool> AwsRequested = new();

    /// <summary>The root command's <c>--aws</c>, valid after any verb.</summary>
    public static Option<bool> AwsOption { get; } = new("--aws")
    {
        Description = "Talk to real AWS (the SDK's credentials and region; DynamoDb__TableName, Sns__TopicArn) instead of the local stack.",
        Recursive = true,
    };

    /// <summary>Set by <see cref="ToolCli"/> for the verb it runs (async-local, so concurrent invocations do not mix).</summary>
    public static bool Aws
    {
        get => AwsRequested.Value;
        set => AwsRequested.Value = value;
    }

    /// <summary>Adds the local defaults beneath the configuration's sources, unless the target is AWS.</summary>
    public static void Apply(ConfigurationManager configuration, Func<string, string?>? environment = null)
    {
        var defaults = Defaults(configuration, Aws, environment ?? Environment.GetEnvironmentVariable);
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
    }

    /// <summary>The settings the tool adds for a target (none of them overrides a configured value).</summary>
    public static IReadOnlyDictionary<string, string?> Defaults(IConfiguration current, bool aws, Func<string, string?> environment)
    {
        var target = environment("LIFESTYLE_TARGET") is { Length: > 0 } t ? t.Trim().ToLowerInvariant() : "local";
        if (target is not ("local" or "aws"))
        {
            throw new ArgumentException($"LIFESTYLE_TARGET must be 'local' or 'aws', not '{target}'.");
        }

        var settings = new Dictionary<string, string?>();
        if (environment("LIFESTYLE_TABLE") is { Length: > 0 } table)
        {
            settings["DynamoDb:TableName"] = table;
        }

        if (aws || target == "aws" || !string.IsNullOrWhiteSpace(current["DynamoDb:ServiceUrl"]))
        {
            return settings;
        }

        settings["DynamoDb:ServiceUrl"] = $"http://127.0.0.1:{Port(environment, "LIFESTYLE_DYNAMODB_PORT", 8000)}";
        settings["Redis:Configuration"] = $"127.0.0.1:{Port(environment, "LIFESTYLE_REDIS_PORT", 6379)}";
        settings["Sns:ServiceUrl"] = $"http://127.0.0.1:{Port(environment, "LIFESTYLE_SNS_PORT", 4566)}";
        if (environment("LIFESTYLE_SNS_TOPIC") is { Length: > 0 } topic)
        {
            settings["Sns:TopicName"] = topic;
        }

        return settings;
    }

    /// <summary>A hint for an unreachable local endpoint.</summary>
    public static string Hint(string? serviceUrl) =>
        serviceUrl is { } url && url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)
            ? " (is ./run.sh running? LIFESTYLE_DYNAMODB_PORT moves it; --aws or LIFESTYLE_TARGET=aws targets AWS)"
            : "";

    private static int Port(Func<string, string?> environment, string name, int fallback) =>
        environment(name) is not { Length: > 0 } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port
        : throw new ArgumentException($"{name} must be a port number, not '{text}'.");
}
