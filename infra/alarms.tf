# Alarms to the ops topic (notifications.tf). Missing data is "not breaching": a quiet system is
# a healthy one.

locals {
  alarm_actions = [aws_sns_topic.ops.arn]
}

# Stream lag: the age of the newest record the projector has read. Rising means the projector
# falls behind (or a shard is stuck retrying a batch).
resource "aws_cloudwatch_metric_alarm" "projector_iterator_age" {
  alarm_name          = "${local.prefix}-projector-iterator-age"
  alarm_description   = "Projector lags the table stream by more than ${var.projector_iterator_age_alarm_ms} ms"
  namespace           = "AWS/Lambda"
  metric_name         = "IteratorAge"
  dimensions          = { FunctionName = aws_lambda_function.projector.function_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = var.projector_iterator_age_alarm_ms
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Invocation errors: whole-batch failures (an exception, a timeout). Record-level failures come
# back as batchItemFailures and show as IteratorAge and, once parked, ParkedGoals.
resource "aws_cloudwatch_metric_alarm" "projector_errors" {
  alarm_name          = "${local.prefix}-projector-errors"
  alarm_description   = "Projector invocations failed"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.projector.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each = {
    projector = aws_lambda_function.projector.function_name
    api       = aws_lambda_function.api.function_name
  }

  alarm_name          = "${local.prefix}-${each.key}-throttles"
  alarm_description   = "Lambda throttled ${each.value} (account or reserved concurrency exhausted)"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Goals whose change keeps failing are parked (kept, visible, counted; docs/product-rules.md §6). The projector
# emits Lifestyle/ParkedGoals through CloudWatch embedded metric format in its log lines (a JSON
# line with an "_aws" block), so no cloudwatch:PutMetricData permission is needed. Contract: the
# metric has no dimensions, so this alarm matches it, and each EMF document is a whole stdout
# line of its own (not a message inside the prefixed console logger's line).
resource "aws_cloudwatch_metric_alarm" "parked_goals" {
  alarm_name          = "${local.prefix}-projector-parked-goals"
  alarm_description   = "The projector parked goals; inspect them and rebuild with the replay tool"
  namespace           = "Lifestyle"
  metric_name         = "ParkedGoals"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  for_each = {
    projector     = aws_sqs_queue.projector_dlq.name
    "daily-close" = aws_sqs_queue.daily_close_dlq.name
  }

  alarm_name          = "${local.prefix}-${each.key}-dlq-depth"
  alarm_description   = "Messages in ${each.value}: batches or schedules that were given up on"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "daily_close_errors" {
  alarm_name          = "${local.prefix}-daily-close-errors"
  alarm_description   = "The daily-close job failed"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.daily_close.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name          = "${local.prefix}-api-5xx"
  alarm_description   = "The HTTP API answered 5xx"
  namespace           = "AWS/ApiGateway"
  metric_name         = "5xx"
  dimensions          = { ApiId = aws_apigatewayv2_api.http.id, Stage = aws_apigatewayv2_stage.default.name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 5
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}
