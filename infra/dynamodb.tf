# The one table (docs/product-rules.md §2, docs/adr/0001). Same shape as src/Infrastructure/Dynamo/TableSchema.cs,
# which run.sh and the tests use against DynamoDB Local; tests/Infra.Tests compares the two.
resource "aws_dynamodb_table" "main" {
  name                        = var.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "PK"
  range_key                   = "SK"
  deletion_protection_enabled = var.table_deletion_protection

  attribute {
    name = "PK"
    type = "S"
  }

  attribute {
    name = "SK"
    type = "S"
  }

  attribute {
    name = "GSI1PK"
    type = "S"
  }

  attribute {
    name = "GSI1SK"
    type = "S"
  }

  attribute {
    name = "GSI2PK"
    type = "S"
  }

  attribute {
    name = "GSI2SK"
    type = "S"
  }

  # Goal status lists, sharded 16 ways: GSI1PK = STATUS#{status}#{shard:00}.
  global_secondary_index {
    name            = "GSI1"
    hash_key        = "GSI1PK"
    range_key       = "GSI1SK"
    projection_type = "ALL"
  }

  # A user's activities by local date: GSI2PK = USER#{u}#DATES.
  global_secondary_index {
    name            = "GSI2"
    hash_key        = "GSI2PK"
    range_key       = "GSI2SK"
    projection_type = "ALL"
  }

  # The projector's trigger (projector.tf). Both images cost the same as NEW_IMAGE.
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  # Idempotency records (24 h) and daily snapshots (90 days) carry ttl in epoch seconds.
  ttl {
    attribute_name = "ttl"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  # At rest the table is always encrypted; enabled = true without a key ARN switches from the
  # AWS owned key to the AWS managed KMS key aws/dynamodb (its use shows in CloudTrail), which
  # needs no extra IAM for the functions.
  server_side_encryption {
    enabled = true
  }
}
