output "table_name" {
  description = "DynamoDB table name (DynamoDb__TableName)."
  value       = aws_dynamodb_table.main.name
}

output "table_arn" {
  description = "DynamoDB table ARN."
  value       = aws_dynamodb_table.main.arn
}

output "table_stream_arn" {
  description = "ARN of the table's stream (the projector's event source)."
  value       = aws_dynamodb_table.main.stream_arn
}

output "api_url" {
  description = "Base URL of the HTTP API (append /v1/..., /health/live, /openapi/v1.json)."
  value       = aws_apigatewayv2_stage.default.invoke_url
}

output "notifications_topic_arn" {
  description = "SNS topic of user notifications (Sns__TopicArn)."
  value       = aws_sns_topic.notifications.arn
}

output "ops_topic_arn" {
  description = "SNS topic the CloudWatch alarms notify."
  value       = aws_sns_topic.ops.arn
}

output "cognito_user_pool_id" {
  description = "Cognito user pool id."
  value       = aws_cognito_user_pool.main.id
}

output "cognito_client_id" {
  description = "Cognito app client id (public client, no secret)."
  value       = aws_cognito_user_pool_client.app.id
}

output "cognito_issuer" {
  description = "OIDC issuer of the pool's tokens (the API's Auth__Authority)."
  value       = local.cognito_issuer
}

output "redis_endpoint" {
  description = "Primary endpoint of the Redis replication group (TLS, port 6379)."
  value       = aws_elasticache_replication_group.redis.primary_endpoint_address
}

output "projector_function_name" {
  description = "Name of the projector Lambda function."
  value       = aws_lambda_function.projector.function_name
}

output "projector_dlq_url" {
  description = "URL of the projector's on-failure SQS queue."
  value       = aws_sqs_queue.projector_dlq.url
}
