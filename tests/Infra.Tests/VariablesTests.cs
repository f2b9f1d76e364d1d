using System.Text.Json;
using System.Text.RegularExpressions;
using Lifestyle.Infra.Tests.Hcl;

namespace Lifestyle.Infra.Tests;

/// <summary>Inputs, environments, outputs and versions of infra/.</summary>
[Collection(InfraCollection.Name)]
public sealed class VariablesTests(InfraFixture infra)
{
    private TerraformConfig Tf => infra.Config;

    [Fact]
    public void Every_variable_has_a_description()
    {
        Assert.NotEmpty(Tf.Variables);
        Assert.All(Tf.Variables, v => Assert.False(string.IsNullOrWhiteSpace(v.Value.Str("description")), v.Key));
    }

    [Fact]
    public void Every_variable_has_a_type()
    {
        Assert.All(Tf.Variables, v => Assert.True(v.Value.TryGetProperty("type", out _), v.Key));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Tfvars_set_every_variable_without_a_default(string environment)
    {
        var tfvars = Tf.Tfvars(environment);
        var required = Tf.Variables.Where(v => !v.Value.TryGetProperty("default", out _)).Select(v => v.Key).ToArray();
        Assert.Contains("environment", required);
        Assert.All(required, name => Assert.True(tfvars.TryGetProperty(name, out _), $"{environment}.tfvars lacks {name}"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Tfvars_set_only_declared_variables_and_name_their_environment(string environment)
    {
        var tfvars = Tf.Tfvars(environment);
        Assert.All(tfvars.Properties(), p => Assert.True(Tf.Variables.ContainsKey(p.Name), $"{environment}.tfvars sets undeclared {p.Name}"));
        Assert.Equal(environment, tfvars.Str("environment"));
    }

    [Fact]
    public void Every_output_has_a_description_and_the_expected_outputs_exist()
    {
        var outputs = Tf.Outputs.ToDictionary(o => o.Name, o => o.Body, StringComparer.Ordinal);
        Assert.All(outputs, o => Assert.False(string.IsNullOrWhiteSpace(o.Value.Str("description")), o.Key));
        string[] expected =
        [
            "table_name", "table_arn", "table_stream_arn", "api_url", "notifications_topic_arn",
            "cognito_user_pool_id", "cognito_client_id", "redis_endpoint",
        ];
        Assert.All(expected, name => Assert.True(outputs.ContainsKey(name), name));
    }

    [Fact]
    public void Terraform_and_the_aws_provider_are_pinned_to_versions_that_know_dotnet10()
    {
        var terraform = Tf.File("versions.tf").Block("terraform");
        Assert.Equal(">= 1.6.0", terraform.Str("required_version"));
        var aws = terraform.Block("required_providers").GetProperty("aws");
        Assert.Equal("hashicorp/aws", aws.Str("source"));
        // The provider validates runtime names; "dotnet10" is known from 6.27.0 on (every 5.x rejects it).
        var lower = Regex.Match(aws.Str("version")!, @">=\s*(\d+)\.(\d+)\.(\d+)");
        Assert.True(lower.Success, aws.Str("version"));
        var version = new Version(int.Parse(lower.Groups[1].Value), int.Parse(lower.Groups[2].Value), int.Parse(lower.Groups[3].Value));
        Assert.True(version >= new Version(6, 27, 0), $"aws provider lower bound {version} predates dotnet10");
    }

    [Fact]
    public void Variable_validations_reject_unbounded_retries_and_record_age()
    {
        foreach (var name in new[] { "projector_max_retry_attempts", "projector_max_record_age_seconds" })
        {
            var condition = Tf.Variables[name].Block("validation").Str("condition");
            Assert.Matches($@"var\.{name} >= \d+ && var\.{name} <= \d+", condition);
        }
    }

    [Fact]
    public void Every_tf_file_parses_and_none_is_empty()
    {
        Assert.All(Tf.TfFileNames, f => Assert.NotEqual(JsonValueKind.Undefined, Tf.File(f).ValueKind));
        Assert.Contains("versions.tf", Tf.TfFileNames);
    }
}
