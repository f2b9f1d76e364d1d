using System.Text.Json;
using Lifestyle.Infra.Tests.Hcl;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Infra.Tests;

/// <summary>The projector's event source mapping has the semantics docs/product-rules.md §6 asks for.</summary>
[Collection(InfraCollection.Name)]
public sealed class ProjectorMappingTests(InfraFixture infra)
{
    private TerraformConfig Tf => infra.Config;

    private JsonElement Mapping => Tf.Resources("aws_lambda_event_source_mapping").Single().Body;

    [Fact]
    public void The_table_stream_triggers_the_projector()
    {
        Assert.Equal("${aws_dynamodb_table.main.stream_arn}", Mapping.Str("event_source_arn"));
        Assert.Equal("${aws_lambda_function.projector.arn}", Mapping.Str("function_name"));
        Assert.Contains(Tf.ValueString(Mapping, "starting_position"), new[] { "LATEST", "TRIM_HORIZON" });
    }

    [Fact]
    public void Partial_batch_failures_are_reported()
    {
        Assert.Contains("ReportBatchItemFailures", Tf.Value(Mapping, "function_response_types").Strings());
    }

    [Fact]
    public void A_failing_batch_is_bisected()
    {
        Assert.True(Tf.Value(Mapping, "bisect_batch_on_function_error").GetBoolean());
    }

    [Fact]
    public void Retries_are_bounded_in_every_environment()
    {
        AssertAllBetween("maximum_retry_attempts", 0, 10000);
    }

    [Fact]
    public void Record_age_is_bounded_in_every_environment()
    {
        AssertAllBetween("maximum_record_age_in_seconds", 60, 604800);
    }

    [Fact]
    public void Batching_and_parallelization_are_set_within_limits()
    {
        AssertAllBetween("batch_size", 1, 10000);
        AssertAllBetween("maximum_batching_window_in_seconds", 0, 300);
        AssertAllBetween("parallelization_factor", 1, 10);
    }

    [Fact]
    public void Given_up_batches_go_to_an_sqs_queue()
    {
        var destination = Mapping.Block("destination_config").Block("on_failure").Str("destination_arn");
        Assert.Matches(@"^\$\{aws_sqs_queue\.[a-z_]+\.arn\}$", destination);
    }

    [Fact]
    public void Only_goal_head_and_event_records_pass_the_filter()
    {
        var filters = Mapping.Block("filter_criteria").Blocks("filter").ToArray();
        var filter = Assert.Single(filters);
        using var pattern = JsonDocument.Parse(Tf.ValueString(filter, "pattern"));

        var root = Assert.Single(pattern.RootElement.EnumerateObject());
        Assert.Equal("dynamodb", root.Name);
        var keys = Assert.Single(root.Value.EnumerateObject());
        Assert.Equal("Keys", keys.Name);
        var sk = Assert.Single(keys.Value.EnumerateObject());
        Assert.Equal(Keys.SK, sk.Name);
        var type = Assert.Single(sk.Value.EnumerateObject());
        Assert.Equal("S", type.Name);
        var prefixes = type.Value.EnumerateArray().Select(rule =>
        {
            var prefix = Assert.Single(rule.EnumerateObject());
            Assert.Equal("prefix", prefix.Name);
            return prefix.Value.GetString()!;
        }).ToArray();
        Assert.Equal([Keys.GoalPrefix, Keys.AnyEventPrefix], prefixes);

        // What the prefixes let through, over every kind of item in the table (docs/adr/0001).
        const string goalId = "0190a1b2c3d4e5f60718293a4b5c6d7e";
        bool Passes(string sortKey) => prefixes.Any(p => sortKey.StartsWith(p, StringComparison.Ordinal));
        Assert.True(Passes(Keys.Goal(goalId)));
        Assert.True(Passes(Keys.Event(goalId, DateTimeOffset.UnixEpoch)));
        string[] others =
        [
            Keys.Profile,
            Keys.Idempotency("key-1"),
            $"PROGRESS#{goalId}",
            $"PROGRESS#{goalId}#2026-11-22",
            $"RMV#v2#PROGRESS#{goalId}",
            $"STREAK#{goalId}",
            $"ROLLUP#{goalId}#2026-W47",
        ];
        Assert.All(others, k => Assert.False(Passes(k), k));
    }

    private void AssertAllBetween(string attribute, long min, long max)
    {
        var values = Tf.PossibleValues(Mapping.GetProperty(attribute));
        Assert.NotEmpty(values);
        Assert.All(values, v =>
        {
            Assert.Equal(JsonValueKind.Number, v.ValueKind);
            Assert.InRange(v.GetInt64(), min, max);
        });
    }
}
