using Lifestyle.Infra.Tests.Hcl;

namespace Lifestyle.Infra.Tests;

/// <summary>The erasure job (infra/erasure.tf): finishes the erasures DELETE /v1/me left pending, in AWS.</summary>
[Collection(InfraCollection.Name)]
public sealed class ErasureJobTests(InfraFixture infra)
{
    /// <summary>infra/locals.tf, src/Projections/Host/Jobs/ErasureEntryPoint.cs.</summary>
    private const string Handler = "Lifestyle.Projections::Lifestyle.Projections.Jobs.ErasureEntryPoint::HandleAsync";

    private TerraformConfig Tf => infra.Config;

    [Fact]
    public void Erasure_handler_names_a_public_HandleAsync_of_a_stream()
    {
        var handler = Tf.ValueString(Tf.Resource("aws_lambda_function", "erasure"), "handler");
        Assert.Equal(Handler, handler);
        LambdaTests.AssertStreamHandler(handler, Assert.Fail);
    }

    [Fact]
    public void Erasure_job_runs_every_minute_one_at_a_time_and_stops_starting_pages_before_its_timeout()
    {
        var function = Tf.Resource("aws_lambda_function", "erasure");
        Assert.Equal(1, function.GetProperty("reserved_concurrent_executions").GetInt32());
        Assert.Equal("${var.erasure_timeout_seconds}", function.Str("timeout"));
        var env = LambdaTests.EnvVars(function);
        Assert.Equal("${tostring(var.erasure_timeout_seconds - 300)}", env["Erasure__JobBudgetSeconds"]);
        Assert.Equal("${aws_dynamodb_table.main.name}", env["DynamoDb__TableName"]);
        Assert.Equal("${local.redis_configuration}", env["Redis__Configuration"]);
        Assert.Equal("${random_password.erasure_hash_key.result}", env["Erasure__HashKey"]);
        Assert.True(Tf.Variables["erasure_timeout_seconds"].GetProperty("default").GetInt32() > 300);
        Assert.Equal("${tostring(var.erasure_items_per_second)}", env["Erasure__ItemsPerSecond"]);
        Assert.Equal("${tostring(var.erasure_items_per_second)}", LambdaTests.EnvVars(Tf.Resource("aws_lambda_function", "api"))["Erasure__ItemsPerSecond"]);
        Assert.InRange(Tf.Variables["erasure_items_per_second"].GetProperty("default").GetInt32(), 50_000 / 60 + 1, 1_000);

        var schedule = Tf.Resource("aws_scheduler_schedule", "erasure");
        Assert.Equal("rate(1 minute)", schedule.Str("schedule_expression"));
        Assert.Equal("${aws_lambda_function.erasure.arn}", schedule.Block("target").Str("arn"));
        Assert.Equal("${aws_iam_role.scheduler.arn}", schedule.Block("target").Str("role_arn"));
    }
}
