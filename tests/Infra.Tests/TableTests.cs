using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lifestyle.Infra.Tests.Hcl;
using Lifestyle.Infrastructure.Dynamo;
using Lifestyle.Infrastructure.Storage;

namespace Lifestyle.Infra.Tests;

/// <summary>infra/dynamodb.tf declares the table that TableSchema.CreateRequest creates locally.</summary>
[Collection(InfraCollection.Name)]
public sealed class TableTests(InfraFixture infra)
{
    private static readonly CreateTableRequest Expected = TableSchema.CreateRequest("x");

    private TerraformConfig Tf => infra.Config;

    private JsonElement Table => Tf.Resources("aws_dynamodb_table").Single().Body;

    [Fact]
    public void There_is_one_table()
    {
        Assert.Single(Tf.Resources("aws_dynamodb_table"));
    }

    [Fact]
    public void Hash_and_range_keys_match_the_schema()
    {
        Assert.Equal(Expected.KeySchema.Single(k => k.KeyType == KeyType.HASH).AttributeName, Tf.ValueString(Table, "hash_key"));
        Assert.Equal(Expected.KeySchema.Single(k => k.KeyType == KeyType.RANGE).AttributeName, Tf.ValueString(Table, "range_key"));
    }

    [Fact]
    public void Attribute_definitions_match_the_schema()
    {
        var declared = Table.Blocks("attribute").Select(a => $"{a.Str("name")}:{a.Str("type")}").Order(StringComparer.Ordinal);
        var expected = Expected.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType.Value}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, declared);
    }

    [Fact]
    public void Global_secondary_indexes_match_the_schema()
    {
        var declared = Table.Blocks("global_secondary_index")
            .Select(g => string.Join('|', g.Str("name"), g.Str("hash_key"), g.Str("range_key"), g.Str("projection_type"),
                g.TryGetProperty("non_key_attributes", out _)))
            .Order(StringComparer.Ordinal);
        var expected = Expected.GlobalSecondaryIndexes
            .Select(g => string.Join('|', g.IndexName,
                g.KeySchema.Single(k => k.KeyType == KeyType.HASH).AttributeName,
                g.KeySchema.Single(k => k.KeyType == KeyType.RANGE).AttributeName,
                g.Projection.ProjectionType.Value, false))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, declared);
        Assert.Equal([Keys.Gsi1, Keys.Gsi2], Table.Blocks("global_secondary_index").Select(g => g.Str("name")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Billing_mode_matches_the_schema()
    {
        Assert.Equal(BillingMode.PAY_PER_REQUEST.Value, Expected.BillingMode.Value);
        Assert.Equal(Expected.BillingMode.Value, Tf.ValueString(Table, "billing_mode"));
    }

    [Fact]
    public void Stream_is_on_with_the_schemas_view_type()
    {
        Assert.True(Tf.Value(Table, "stream_enabled").GetBoolean());
        Assert.True(Expected.StreamSpecification.StreamEnabled);
        Assert.Equal(Expected.StreamSpecification.StreamViewType.Value, Tf.ValueString(Table, "stream_view_type"));
        Assert.Equal(TableSchema.StreamView.Value, Tf.ValueString(Table, "stream_view_type"));
    }

    [Fact]
    public void Ttl_is_on_the_ttl_attribute()
    {
        var ttl = Table.Block("ttl");
        Assert.Equal(Keys.Ttl, Tf.ValueString(ttl, "attribute_name"));
        Assert.True(Tf.Value(ttl, "enabled").GetBoolean());
    }

    [Fact]
    public void Point_in_time_recovery_is_on()
    {
        Assert.True(Tf.Value(Table.Block("point_in_time_recovery"), "enabled").GetBoolean());
    }

    [Fact]
    public void Deletion_protection_is_on_in_every_environment()
    {
        var values = Tf.PossibleValues(Table.GetProperty("deletion_protection_enabled"));
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal(JsonValueKind.True, v.ValueKind));
    }

    [Fact]
    public void Server_side_encryption_is_on()
    {
        Assert.True(Tf.Value(Table.Block("server_side_encryption"), "enabled").GetBoolean());
    }

    [Fact]
    public void Table_name_defaults_to_the_applications_default()
    {
        Assert.Equal("${var.table_name}", Table.Str("name"));
        Assert.Equal(new DynamoOptions().TableName, Tf.Variables["table_name"].Str("default"));
    }
}
