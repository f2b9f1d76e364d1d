# User notifications (docs/product-rules.md §6): one SNS message per fact, published by the projector and the
# daily-close job. Encrypted with the AWS managed key alias/aws/sns (no IAM changes for publishers).
resource "aws_sns_topic" "notifications" {
  name              = var.notifications_topic_name
  kms_master_key_id = "alias/aws/sns"
}

# Ops alarms. Not encrypted with alias/aws/sns: CloudWatch alarms cannot publish to a topic
# encrypted with an AWS managed key (its key policy cannot grant cloudwatch.amazonaws.com).
resource "aws_sns_topic" "ops" {
  name = "${local.prefix}-ops-alarms"
}

resource "aws_sns_topic_subscription" "ops_email" {
  for_each  = toset(var.ops_alarm_emails)
  topic_arn = aws_sns_topic.ops.arn
  protocol  = "email"
  endpoint  = each.value
}

# On-failure destination of the projector's event source mapping: Lambda sends a record of each
# batch it gives up on (retries or record age exhausted): shard, sequence-number range, reason.
# The records themselves stay in the stream for 24 h; the replay tool rebuilds the goals.
resource "aws_sqs_queue" "projector_dlq" {
  name                      = "${local.prefix}-projector-dlq"
  message_retention_seconds = 1209600 # 14 days, the maximum
  sqs_managed_sse_enabled   = true
}

# Dead-letter queue of the daily-close schedule (invocations EventBridge Scheduler gave up on).
resource "aws_sqs_queue" "daily_close_dlq" {
  name                      = "${local.prefix}-daily-close-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}
