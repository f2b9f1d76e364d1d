# The daily job (docs/product-rules.md §6): at midnight UTC, records streaks broken / at risk and sends weekly
# summaries. Same zip as the projector; its handler class is local.daily_close_handler
# (Lifestyle.Projections.Jobs.DailyCloseEntryPoint, docs/adr/0005). It reads and writes the
# table and publishes to SNS only, both public AWS endpoints, so it runs outside the VPC.

resource "aws_cloudwatch_log_group" "daily_close" {
  name              = "/aws/lambda/${local.prefix}-daily-close"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "daily_close" {
  function_name    = "${local.prefix}-daily-close"
  description      = "Daily close at 00:00 UTC: streaks broken / at risk, weekly summaries"
  role             = aws_iam_role.daily_close.arn
  runtime          = local.lambda_runtime
  handler          = local.daily_close_handler
  architectures    = ["x86_64"]
  filename         = local.projections_zip
  source_code_hash = filebase64sha256(local.projections_zip)
  memory_size      = var.daily_close_memory_mb
  timeout          = var.daily_close_timeout_seconds

  environment {
    variables = {
      DynamoDb__TableName = aws_dynamodb_table.main.name
      DynamoDb__Region    = local.region
      Sns__TopicArn       = aws_sns_topic.notifications.arn
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.daily_close.name
  }

  depends_on = [aws_iam_role_policy.daily_close]
}

resource "aws_scheduler_schedule" "daily_close" {
  name        = "${local.prefix}-daily-close"
  description = "Daily close of streaks and weekly summaries"

  schedule_expression          = "cron(0 0 * * ? *)"
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_function.daily_close.arn
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ job = "daily-close" })

    retry_policy {
      maximum_retry_attempts       = 3
      maximum_event_age_in_seconds = 3600
    }

    dead_letter_config {
      arn = aws_sqs_queue.daily_close_dlq.arn
    }
  }
}
