using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Projections.Cli;
using Lifestyle.Projections.Stream;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Lifestyle.Projections.Tests;

/// <summary>docs/product-rules.md §7: the tool talks to ./run.sh's stack with no variable set, to AWS only when asked; explicit settings win.</summary>
public sealed class ToolConfigurationTests
{
    private static readonly Dictionary<string, string?> NoSettings = [];

    [Fact]
    public void With_no_variable_the_tool_points_at_the_local_stack_with_run_sh_defaults()
    {
        var settings = Configure(NoSettings, NoVariables, aws: false);

        Assert.Equal("http://127.0.0.1:8000", settings["DynamoDb:ServiceUrl"]);
        Assert.Equal("lifestyle", settings["DynamoDb:TableName"] ?? "lifestyle");
        Assert.Equal("127.0.0.1:6379", settings["Redis:Configuration"]);
        Assert.Equal("http://127.0.0.1:4566", settings["Sns:ServiceUrl"]);
    }

    [Fact]
    public void The_LIFESTYLE_variables_move_the_ports_and_name_the_table_and_topic()
    {
        var env = Variables(("LIFESTYLE_DYNAMODB_PORT", "18000"), ("LIFESTYLE_REDIS_PORT", "18379"), ("LIFESTYLE_SNS_PORT", "18566"),
            ("LIFESTYLE_TABLE", "mine"), ("LIFESTYLE_SNS_TOPIC", "my-topic"));

        var settings = Configure(NoSettings, env, aws: false);

        Assert.Equal("http://127.0.0.1:18000", settings["DynamoDb:ServiceUrl"]);
        Assert.Equal("mine", settings["DynamoDb:TableName"]);
        Assert.Equal("127.0.0.1:18379", settings["Redis:Configuration"]);
        Assert.Equal("http://127.0.0.1:18566", settings["Sns:ServiceUrl"]);
        Assert.Equal("my-topic", settings["Sns:TopicName"]);
    }

    [Fact]
    public void Explicit_settings_win_over_the_defaults()
    {
        var explicitSettings = new Dictionary<string, string?> { ["Redis:Configuration"] = "cache:6380", ["DynamoDb:TableName"] = "other" };

        var settings = Configure(explicitSettings, Variables(("LIFESTYLE_TABLE", "mine")), aws: false);

        Assert.Equal("cache:6380", settings["Redis:Configuration"]);
        Assert.Equal("other", settings["DynamoDb:TableName"]);
        Assert.Equal("http://127.0.0.1:8000", settings["DynamoDb:ServiceUrl"]);
    }

    [Fact]
    public void An_explicit_DynamoDB_endpoint_means_configured_by_hand_no_other_endpoint_is_guessed()
    {
        var settings = Configure(new Dictionary<string, string?> { ["DynamoDb:ServiceUrl"] = "http://10.0.0.5:8000" }, NoVariables, aws: false);

        Assert.Equal("http://10.0.0.5:8000", settings["DynamoDb:ServiceUrl"]);
        Assert.Null(settings["Redis:Configuration"]);
        Assert.Null(settings["Sns:ServiceUrl"]);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "aws")]
    [InlineData(false, "AWS")]
    public void AWS_only_with_the_flag_or_LIFESTYLE_TARGET(bool flag, string? target)
    {
        var settings = Configure(NoSettings, Variables(("LIFESTYLE_TARGET", target)), aws: flag);

        Assert.Null(settings["DynamoDb:ServiceUrl"]);
        Assert.Null(settings["Redis:Configuration"]);
        Assert.Null(settings["Sns:ServiceUrl"]);
    }

    [Theory]
    [InlineData("LIFESTYLE_TARGET", "staging", "LIFESTYLE_TARGET must be 'local' or 'aws'")]
    [InlineData("LIFESTYLE_DYNAMODB_PORT", "eight", "LIFESTYLE_DYNAMODB_PORT must be a port number")]
    public void A_malformed_variable_is_a_clear_error(string name, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Configure(NoSettings, Variables((name, value)), aws: false));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Lambda_services_never_fall_back_to_localhost()
    {
        Assert.Null(Environment.GetEnvironmentVariable("DynamoDb__ServiceUrl")); // the test runner's own environment

        var services = LambdaServices.Build();

        Assert.Null(services.GetRequiredService<IOptions<DynamoOptions>>().Value.ServiceUrl);
    }

    private static string? NoVariables(string name) => null;

    private static Func<string, string?> Variables(params (string Name, string? Value)[] pairs) =>
        name => pairs.FirstOrDefault(p => p.Name == name).Value;

    private static ConfigurationManager Configure(Dictionary<string, string?> explicitSettings, Func<string, string?> env, bool aws)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(explicitSettings);
        ToolConfiguration.Aws = aws; // async-local: this test's flow only
        ToolConfiguration.Apply(configuration, env);
        return configuration;
    }
}
