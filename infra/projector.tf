# The stream projector (docs/product-rules.md §6, docs/adr/0002): a Lambda function behind the table's stream.
# src/Projections/Host/Stream/LambdaEntryPoint.cs parses the raw DynamoDB Streams event and answers
# {"batchItemFailures":[...]} with the first record that failed.

resource "aws_cloudwatch_log_group" "projector" {
  name              = "/aws/lambda/${local.prefix}-projector"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "projector" {
  function_name    = "${local.prefix}-projector"
  description      = "DynamoDB Streams projector: read models in the table and Redis, SNS notifications"
  role             = aws_iam_role.projector.arn
  runtime          = local.lambda_runtime
  handler          = local.projector_handler
  architectures    = ["x86_64"] # infra/package.sh publishes for linux-x64
  filename         = local.projections_zip
  source_code_hash = filebase64sha256(local.projections_zip)
  memory_size      = var.projector_memory_mb
  timeout          = var.projector_timeout_seconds

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.projector.id]
  }

  environment {
    variables = {
      DynamoDb__TableName  = aws_dynamodb_table.main.name
      DynamoDb__Region     = local.region
      Redis__Configuration = local.redis_configuration
      Sns__TopicArn        = aws_sns_topic.notifications.arn
    }
  }

  logging_config {
    log_format = "Text" # the projector writes one line per entry; its ParkedGoals metric is EMF JSON
    log_group  = aws_cloudwatch_log_group.projector.name
  }

  depends_on = [
    aws_iam_role_policy.projector,
    aws_iam_role_policy_attachment.projector_vpc,
  ]
}

resource "aws_lambda_event_source_mapping" "projector" {
  event_source_arn = aws_dynamodb_table.main.stream_arn
  function_name    = aws_lambda_function.projector.arn

  # TRIM_HORIZON, not LATEST: on the first apply the API can accept commands before this mapping
  # is enabled, and LATEST would skip those records. Reading the retained 24 h again is harmless:
  # every projection write and notification is gated on the goal's version (docs/product-rules.md §2), so a
  # record already applied changes nothing and sends nothing.
  starting_position = "TRIM_HORIZON"

  batch_size                         = var.projector_batch_size
  maximum_batching_window_in_seconds = var.projector_batching_window_seconds

  # parallelization_factor > 1 runs several batches of one shard at once, but Lambda still keeps
  # the stream order per key: records of one partition key (USER#{userId}) are never processed
  # concurrently or out of order, and that holds a fortiori per item. A goal has exactly one head
  # item (USER#{userId} / GOAL#{goalId}), so each goal's head records reach the projector in
  # order at any factor. The projector does not even rely on it: it reads the events after its
  # last applied version from the table and gates every write on that version (docs/adr/0002).
  parallelization_factor = var.projector_parallelization_factor

  # Partial batch responses: Lambda retries from the first failed record, not the whole batch.
  function_response_types = ["ReportBatchItemFailures"]

  # A batch that throws is split in two and retried, isolating a poison record; bounded retries
  # and record age keep one bad goal from blocking its shard for the stream's 24 h retention.
  bisect_batch_on_function_error = true
  maximum_retry_attempts         = var.projector_max_retry_attempts
  maximum_record_age_in_seconds  = var.projector_max_record_age_seconds

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.projector_dlq.arn
    }
  }

  # Only goal-head and event records (SK begins with GOAL# or ACTIVITY#); see local.projector_filter.
  filter_criteria {
    filter {
      pattern = local.projector_filter
    }
  }

  depends_on = [aws_iam_role_policy.projector]
}
