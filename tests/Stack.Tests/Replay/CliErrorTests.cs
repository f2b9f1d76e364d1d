using Lifestyle.Stack.Tests.Fixtures;
using Xunit;

namespace Lifestyle.Stack.Tests;

/// <summary>Bad arguments, a missing table and an unreachable endpoint are clear messages and exit codes, not stack traces.</summary>
[Collection(ReplayCollection.Name)]
public sealed class CliErrorTests(StackFixture stack)
{
    [Theory]
    [InlineData("replay")]
    [InlineData("verify")]
    [InlineData("replay", "--all", "--user", "someone")]
    [InlineData("verify", "--goal", "g1", "--all")]
    public async Task A_verb_without_exactly_one_scope_is_a_usage_error(params string[] args)
    {
        var run = await stack.RunCliAsync(args);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("Give exactly one scope: --goal G [--user U], --user U, --parked or --all.", run.Error);
    }

    [Fact]
    public async Task A_malformed_read_model_version_is_a_usage_error()
    {
        var run = await stack.RunCliAsync("verify", "--all", "--into", "blue");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("--into must look like v2.", run.Error);
    }

    [Fact]
    public async Task Usage_errors_exit_2_so_that_exit_1_of_verify_always_means_differences_found()
    {
        Assert.Equal(2, (await stack.RunCliAsync("verify", "--all", "--into", "blue")).ExitCode);
        Assert.Equal(2, (await stack.RunCliAsync("verify")).ExitCode);
    }

    [Fact]
    public async Task An_unknown_goal_is_reported_as_not_found()
    {
        var run = await stack.RunCliAsync("replay", "--goal", "nope");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: goal nope not found.", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Segments_out_of_range_are_rejected()
    {
        var run = await stack.RunCliAsync("replay", "--all", "--segments", "0");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: --segments must be between 1 and 64.", run.Error);
    }

    [Fact]
    public async Task A_missing_table_is_named_with_where_it_was_looked_for()
    {
        var run = await stack.RunCliWithAsync(new Dictionary<string, string> { ["DynamoDb__TableName"] = "no-such-table" }, "verify", "--all");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"error: table 'no-such-table' does not exist at {stack.Dynamo.ServiceUrl}", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(0, (await stack.RunCliAsync("parked")).ExitCode); // the environment is restored afterwards
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_reported_as_such()
    {
        var run = await stack.RunCliWithAsync(new Dictionary<string, string> { ["DynamoDb__ServiceUrl"] = "http://127.0.0.1:1" }, "replay", "--all");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: cannot reach DynamoDB at http://127.0.0.1:1", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.NotEqual("http://127.0.0.1:1", Environment.GetEnvironmentVariable("DynamoDb__ServiceUrl"));
    }
}
