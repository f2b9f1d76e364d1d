using System.Text.Json;
using Lifestyle.Infra.Tests.Hcl;

namespace Lifestyle.Infra.Tests;

/// <summary>Alarms, the daily schedule, notifications and the network boundary around Redis.</summary>
[Collection(InfraCollection.Name)]
public sealed class OperationsTests(InfraFixture infra)
{
    private TerraformConfig Tf => infra.Config;

    private (string Name, JsonElement Body)[] Alarms => Tf.Resources("aws_cloudwatch_metric_alarm").ToArray();

    [Theory]
    [InlineData("AWS/Lambda", "IteratorAge", "projector")]
    [InlineData("AWS/Lambda", "Errors", "projector")]
    [InlineData("AWS/Lambda", "Throttles", "projector")]
    [InlineData("AWS/Lambda", "Throttles", "api")]
    [InlineData("Lifestyle", "ParkedGoals", "")]
    [InlineData("AWS/SQS", "ApproximateNumberOfMessagesVisible", "projector_dlq")]
    public void An_alarm_watches(string ns, string metric, string subject)
    {
        var matches = Alarms.Where(a => a.Body.Str("namespace") == ns && a.Body.Str("metric_name") == metric)
            .Where(a => subject.Length == 0 || a.Body.GetRawText().Contains($".{subject}.", StringComparison.Ordinal))
            .ToArray();
        Assert.True(matches.Length > 0, $"no alarm on {ns} {metric} {subject}");
    }

    [Fact]
    public void Every_alarm_notifies_the_ops_topic()
    {
        Assert.NotEmpty(Alarms);
        Assert.All(Alarms, a =>
        {
            var actions = Tf.PossibleValues(a.Body.GetProperty("alarm_actions")).SelectMany(v => v.Strings());
            Assert.Equal(["${aws_sns_topic.ops.arn}"], actions);
        });
    }

    [Fact]
    public void Daily_close_runs_at_midnight_utc_with_its_own_role()
    {
        var schedule = Tf.Resource("aws_scheduler_schedule", "daily_close");
        Assert.Equal("cron(0 0 * * ? *)", schedule.Str("schedule_expression"));
        Assert.Equal("UTC", schedule.Str("schedule_expression_timezone"));
        var target = schedule.Block("target");
        Assert.Equal("${aws_lambda_function.daily_close.arn}", target.Str("arn"));
        Assert.Equal("${aws_iam_role.scheduler.arn}", target.Str("role_arn"));
        Assert.Equal("${data.aws_iam_policy_document.scheduler_assume.json}", Tf.Resource("aws_iam_role", "scheduler").Str("assume_role_policy"));
    }

    [Fact]
    public void Notifications_topic_defaults_to_the_spec_name()
    {
        Assert.Equal("${var.notifications_topic_name}", Tf.Resource("aws_sns_topic", "notifications").Str("name"));
        Assert.Equal("lifestyle-notifications", Tf.Variables["notifications_topic_name"].Str("default"));
    }

    [Fact]
    public void Redis_is_reachable_only_from_the_projector_the_api_and_the_erasure_job()
    {
        var redis = Tf.Resource("aws_security_group", "redis");
        Assert.False(redis.TryGetProperty("ingress", out _), "no inline ingress rules");
        var ingress = Tf.Resources("aws_vpc_security_group_ingress_rule")
            .Where(r => r.Body.Str("security_group_id") == "${aws_security_group.redis.id}").ToArray();
        Assert.Equal(["${aws_security_group.api.id}", "${aws_security_group.erasure.id}", "${aws_security_group.projector.id}"],
            ingress.Select(r => r.Body.Str("referenced_security_group_id")).Order(StringComparer.Ordinal));
        Assert.All(ingress, r =>
        {
            Assert.False(r.Body.TryGetProperty("cidr_ipv4", out _));
            Assert.Equal(6379, r.Body.GetProperty("from_port").GetInt32());
            Assert.Equal(6379, r.Body.GetProperty("to_port").GetInt32());
        });
        Assert.Empty(Tf.Resources("aws_security_group_rule"));
    }

    [Fact]
    public void Redis_runs_in_the_private_subnets_encrypted()
    {
        var group = Tf.Resources("aws_elasticache_replication_group").Single().Body;
        Assert.Equal(["${aws_security_group.redis.id}"], group.GetProperty("security_group_ids").Strings());
        Assert.True(group.GetProperty("transit_encryption_enabled").GetBoolean());
        Assert.True(group.GetProperty("at_rest_encryption_enabled").GetBoolean());
        Assert.Equal("${aws_subnet.private[*].id}", Tf.Resource("aws_elasticache_subnet_group", "redis").Str("subnet_ids"));
    }

    [Fact]
    public void The_projector_reaches_dynamodb_and_sns_through_vpc_endpoints()
    {
        var endpoints = Tf.Resources("aws_vpc_endpoint").ToDictionary(e => e.Name, e => e.Body, StringComparer.Ordinal);
        Assert.Equal("Gateway", endpoints["dynamodb"].Str("vpc_endpoint_type"));
        Assert.EndsWith(".dynamodb", endpoints["dynamodb"].Str("service_name"), StringComparison.Ordinal);
        Assert.Equal("Interface", endpoints["sns"].Str("vpc_endpoint_type"));
        Assert.EndsWith(".sns", endpoints["sns"].Str("service_name"), StringComparison.Ordinal);
        Assert.True(endpoints["sns"].GetProperty("private_dns_enabled").GetBoolean());
    }
}
