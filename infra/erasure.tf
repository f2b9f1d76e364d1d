# The erasure job (README "Erasure", docs/adr/0011): DELETE /v1/me works for Erasure:InlineBudgetMs and
# answers "pending" when an account is larger; the API's Lambda is frozen between requests, so this
# function finishes pending erasures every minute, each resumed page by page from its pending record.
# Same zip as the projector; handler src/Projections/Host/Jobs/ErasureEntryPoint.cs. In the VPC: it
# deletes the user's Redis keys. One at a time (reserved concurrency 1): a run that meets a pending
# erasure another run is working on would only repeat idempotent deletes, so one is enough.

resource "aws_cloudwatch_log_group" "erasure" {
  name              = "/aws/lambda/${local.prefix}-erasure"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "erasure" {
  function_name                  = "${local.prefix}-erasure"
  description                    = "Finishes account erasures DELETE /v1/me left pending (large accounts)"
  role                           = aws_iam_role.erasure.arn
  runtime                        = local.lambda_runtime
  handler                        = local.erasure_handler
  architectures                  = ["x86_64"]
  filename                       = local.projections_zip
  source_code_hash               = filebase64sha256(local.projections_zip)
  memory_size                    = var.erasure_memory_mb
  timeout                        = var.erasure_timeout_seconds
  reserved_concurrent_executions = 1

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.erasure.id]
  }

  environment {
    variables = {
      DynamoDb__TableName  = aws_dynamodb_table.main.name
      DynamoDb__Region     = local.region
      Redis__Configuration = local.redis_configuration
      # The run stops starting pages 5 minutes before the timeout; what is left waits for the next minute.
      Erasure__JobBudgetSeconds = tostring(var.erasure_timeout_seconds - 300)
      Erasure__HashKey          = random_password.erasure_hash_key.result
      Erasure__ItemsPerSecond   = tostring(var.erasure_items_per_second)
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.erasure.name
  }

  depends_on = [
    aws_iam_role_policy.erasure,
    aws_iam_role_policy_attachment.erasure_vpc,
  ]
}

resource "aws_scheduler_schedule" "erasure" {
  name        = "${local.prefix}-erasure"
  description = "Finishes pending account erasures"

  schedule_expression = "rate(1 minute)"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_function.erasure.arn
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ job = "erasure" })

    # A failed or throttled run is simply the next minute's: no retries, no dead letters.
    retry_policy {
      maximum_retry_attempts = 0
    }
  }
}

resource "aws_security_group" "erasure" {
  name        = "${local.prefix}-erasure"
  description = "Erasure job Lambda: egress to Redis and DynamoDB (gateway endpoint) only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_erasure" {
  security_group_id            = aws_security_group.redis.id
  referenced_security_group_id = aws_security_group.erasure.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis from the erasure job"
}

resource "aws_vpc_security_group_egress_rule" "erasure_to_redis" {
  security_group_id            = aws_security_group.erasure.id
  referenced_security_group_id = aws_security_group.redis.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis"
}

resource "aws_vpc_security_group_egress_rule" "erasure_to_dynamodb" {
  security_group_id = aws_security_group.erasure.id
  prefix_list_id    = aws_vpc_endpoint.dynamodb.prefix_list_id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "DynamoDB via the gateway endpoint"
}
