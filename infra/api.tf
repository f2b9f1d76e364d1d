# The HTTP API (docs/adr/0004): the unchanged ASP.NET Core app (src/Api) on Lambda, run by the
# AWS Lambda Web Adapter layer, behind an API Gateway HTTP API with a Cognito JWT authorizer.

resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/lambda/${local.prefix}-api"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "api" {
  function_name = "${local.prefix}-api"
  description   = "Lifestyle HTTP API (ASP.NET Core via Lambda Web Adapter)"
  role          = aws_iam_role.api.arn
  runtime       = local.lambda_runtime
  # With AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap the adapter runs the handler as a script:
  # run.sh (infra/lambda/api-run.sh, copied by package.sh) starts Kestrel on 127.0.0.1:8080.
  handler          = "run.sh"
  layers           = ["arn:${data.aws_partition.current.partition}:lambda:${local.region}:753240598075:layer:LambdaAdapterLayerX86:${var.lambda_web_adapter_layer_version}"]
  architectures    = ["x86_64"]
  filename         = local.api_zip
  source_code_hash = filebase64sha256(local.api_zip)
  memory_size      = var.api_memory_mb
  timeout          = var.api_timeout_seconds
  publish          = true # versions for the live alias (and provisioned concurrency)

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.api.id]
  }

  environment {
    variables = {
      AWS_LAMBDA_EXEC_WRAPPER      = "/opt/bootstrap"
      AWS_LWA_PORT                 = "8080"
      AWS_LWA_READINESS_CHECK_PATH = "/health/live"
      ASPNETCORE_URLS              = "http://127.0.0.1:8080"
      ASPNETCORE_ENVIRONMENT       = "Production"
      DynamoDb__TableName          = aws_dynamodb_table.main.name
      DynamoDb__Region             = local.region
      Redis__Configuration         = local.redis_configuration
      # JwtBearer validates against the pool's published keys; the issuer must equal the
      # tokens' iss. Cognito access tokens carry client_id, not aud (AuthSetup skips audience
      # validation with an authority); the JWT authorizer checks client_id against Auth__Audience.
      Auth__Authority = local.cognito_issuer
      Auth__Audience  = aws_cognito_user_pool_client.app.id
      # HMAC key of the user-id hash in erasure audit items (kept in the Terraform state).
      Erasure__HashKey = random_password.erasure_hash_key.result
      # Under one partition's 1,000 WCU/s (docs/capacity.md §5): the batches are not sent back unprocessed.
      Erasure__ItemsPerSecond = tostring(var.erasure_items_per_second)
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.api.name
  }

  depends_on = [
    aws_iam_role_policy.api,
    aws_iam_role_policy_attachment.api_vpc,
  ]
}

resource "aws_lambda_alias" "api_live" {
  name             = "live"
  function_name    = aws_lambda_function.api.function_name
  function_version = aws_lambda_function.api.version
}

resource "aws_lambda_provisioned_concurrency_config" "api" {
  count                             = var.api_provisioned_concurrency > 0 ? 1 : 0
  function_name                     = aws_lambda_function.api.function_name
  qualifier                         = aws_lambda_alias.api_live.name
  provisioned_concurrent_executions = var.api_provisioned_concurrency
}

resource "aws_apigatewayv2_api" "http" {
  name          = "${local.prefix}-api"
  protocol_type = "HTTP"
  description   = "Lifestyle API v1"
}

resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.http.id
  name             = "cognito"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = local.cognito_issuer
    audience = [aws_cognito_user_pool_client.app.id]
  }
}

resource "aws_apigatewayv2_integration" "api" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.api_live.invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000
}

# Every /v1 route needs a token except GET /v1/templates (docs/product-rules.md §5); the most specific route wins.
resource "aws_apigatewayv2_route" "v1" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /v1/{proxy+}"
  target             = "integrations/${aws_apigatewayv2_integration.api.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.cognito.id
}

resource "aws_apigatewayv2_route" "public" {
  for_each = toset(["GET /v1/templates", "GET /health/{proxy+}", "GET /openapi/{proxy+}"])

  api_id    = aws_apigatewayv2_api.http.id
  route_key = each.value
  target    = "integrations/${aws_apigatewayv2_integration.api.id}"
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${local.prefix}-api"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.api_throttle_rate
    throttling_burst_limit = var.api_throttle_burst
    # Latency, Count, 4xx and 5xx per route, for infra/dashboard.tf.
    detailed_metrics_enabled = true
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId = "$context.requestId"
      ip        = "$context.identity.sourceIp"
      method    = "$context.httpMethod"
      path      = "$context.path"
      status    = "$context.status"
      latencyMs = "$context.responseLatency"
      authError = "$context.authorizer.error"
      sub       = "$context.authorizer.claims.sub"
    })
  }
}

resource "aws_lambda_permission" "api_gateway" {
  statement_id  = "AllowHttpApiInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  qualifier     = aws_lambda_alias.api_live.name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

# The key the API hashes user ids with for the erasure audit: generated once per environment, never
# rotated by a plan (a new key would stop GET /v1/me/erasure/{id} matching older audit items).
resource "random_password" "erasure_hash_key" {
  length  = 48
  special = false
}
