# Least privilege: one role per function plus the scheduler's invoke role. Every statement names
# its actions and resources; none uses "*" as an action, a service wildcard ("dynamodb:*") or "*"
# as a resource (tests/Infra.Tests checks every aws_iam_policy_document below).
#
# The one documented exception is AWS's: Lambda functions in a VPC need the
# ec2:CreateNetworkInterface / DescribeNetworkInterfaces / DescribeSubnets /
# DeleteNetworkInterface / AssignPrivateIpAddresses / UnassignPrivateIpAddresses family, whose
# Describe actions support no resource-level permissions. Rather than writing a statement with
# Resource "*", the projector and API roles attach the AWS managed policy
# AWSLambdaVPCAccessExecutionRole, which AWS maintains (it also grants CloudWatch Logs writes on
# "*"; our own statements scope logs to each function's log group regardless); so does the erasure
# job's role. The daily-close
# function is outside the VPC and does not get it.

locals {
  table_and_indexes = [
    aws_dynamodb_table.main.arn,
    "${aws_dynamodb_table.main.arn}/index/*", # GSI1, GSI2
  ]
  vpc_access_policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    sid     = "LambdaAssume"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

# --- projector -----------------------------------------------------------------------------

resource "aws_iam_role" "projector" {
  name               = "${local.prefix}-projector"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "projector" {
  # Events after the last applied version (Query), read models and parked records (Get, Put,
  # Update, Delete). No Scan, no transactions.
  statement {
    sid       = "TableReadModels"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query"]
    resources = local.table_and_indexes
  }

  # What the event source mapping needs to poll the stream (it uses the function's role).
  # ListStreams is evaluated against the table's stream/* ARN, hence the second resource.
  statement {
    sid       = "StreamRead"
    actions   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]
    resources = [aws_dynamodb_table.main.stream_arn, "${aws_dynamodb_table.main.arn}/stream/*"]
  }

  statement {
    sid       = "PublishNotifications"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.notifications.arn]
  }

  # The mapping's on-failure destination is written with the function's role.
  statement {
    sid       = "OnFailureDestination"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.projector_dlq.arn]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.projector.arn}:*"]
  }
}

resource "aws_iam_role_policy" "projector" {
  name   = "projector"
  role   = aws_iam_role.projector.id
  policy = data.aws_iam_policy_document.projector.json
}

resource "aws_iam_role_policy_attachment" "projector_vpc" {
  role       = aws_iam_role.projector.name
  policy_arn = local.vpc_access_policy_arn
}

# --- API -----------------------------------------------------------------------------------

resource "aws_iam_role" "api" {
  name               = "${local.prefix}-api"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "api" {
  # Commands: consistent GetItem of head/profile/idempotency record, one TransactWriteItems per
  # append (Put head/events/idempotency, Update profile counter, condition checks). Queries:
  # GetItem/Query on read models, GSI1 (status) and GSI2 (dates). No Scan.
  statement {
    sid = "TableCommandsAndQueries"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:TransactWriteItems",
      "dynamodb:Query",
    ]
    resources = local.table_and_indexes
  }

  # DELETE /v1/me: BatchWriteItem deletes of the user's items, and the Delete of PROFILE and the
  # pending record in the erasure's closing TransactWriteItems. The base table only: index
  # entries go with their items.
  statement {
    sid       = "Erasure"
    actions   = ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem"]
    resources = [aws_dynamodb_table.main.arn]
  }

  # GET /health/ready describes the table.
  statement {
    sid       = "Readiness"
    actions   = ["dynamodb:DescribeTable"]
    resources = [aws_dynamodb_table.main.arn]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.api.arn}:*"]
  }
}

resource "aws_iam_role_policy" "api" {
  name   = "api"
  role   = aws_iam_role.api.id
  policy = data.aws_iam_policy_document.api.json
}

resource "aws_iam_role_policy_attachment" "api_vpc" {
  role       = aws_iam_role.api.name
  policy_arn = local.vpc_access_policy_arn
}

# --- daily close ---------------------------------------------------------------------------

resource "aws_iam_role" "daily_close" {
  name               = "${local.prefix}-daily-close"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "daily_close" {
  # Active goals and every goal head from GSI1 (16 shards a status), their read models, streak records, the
  # insights items (DeleteItem: an item written for a user whose erasure began meanwhile is taken back).
  statement {
    sid       = "TableDailyClose"
    actions   = ["dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
    resources = local.table_and_indexes
  }

  statement {
    sid       = "PublishNotifications"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.notifications.arn]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.daily_close.arn}:*"]
  }
}

resource "aws_iam_role_policy" "daily_close" {
  name   = "daily-close"
  role   = aws_iam_role.daily_close.id
  policy = data.aws_iam_policy_document.daily_close.json
}

# --- erasure job ---------------------------------------------------------------------------

resource "aws_iam_role" "erasure" {
  name               = "${local.prefix}-erasure"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "erasure" {
  # Exactly what finishing an erasure does (src/Commands/Users/Erasure): Query the pending records, the
  # user's partition and the system partitions of its outside items; GetItem the pending record and the
  # read-model config; UpdateItem the heads' marks and the progress; BatchWriteItem the deletes; the
  # closing TransactWriteItems (Delete PROFILE and the pending record, Update the audit item). The base
  # table only: the job queries no index, and index entries go with their items.
  statement {
    sid = "TableErasure"
    actions = [
      "dynamodb:Query",
      "dynamodb:GetItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:TransactWriteItems",
    ]
    resources = [aws_dynamodb_table.main.arn]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.erasure.arn}:*"]
  }
}

resource "aws_iam_role_policy" "erasure" {
  name   = "erasure"
  role   = aws_iam_role.erasure.id
  policy = data.aws_iam_policy_document.erasure.json
}

resource "aws_iam_role_policy_attachment" "erasure_vpc" {
  role       = aws_iam_role.erasure.name
  policy_arn = local.vpc_access_policy_arn
}

# --- scheduler -----------------------------------------------------------------------------

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    sid     = "SchedulerAssume"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${local.prefix}-scheduler"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    sid       = "InvokeDailyClose"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.daily_close.arn, "${aws_lambda_function.daily_close.arn}:*"]
  }

  statement {
    sid       = "InvokeErasure"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_function.erasure.arn, "${aws_lambda_function.erasure.arn}:*"]
  }

  statement {
    sid       = "DeadLetter"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.daily_close_dlq.arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "invoke-daily-close"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}
