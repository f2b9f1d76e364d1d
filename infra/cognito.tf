# Users and tokens (docs/product-rules.md §5: in production the API validates against an OIDC authority).
# The token's sub (a UUID) is the user id; the API's rule of 1-64 chars of [A-Za-z0-9_-] holds.

resource "aws_cognito_user_pool" "main" {
  name                     = local.prefix
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  mfa_configuration        = "OPTIONAL"
  deletion_protection      = var.environment == "prod" ? "ACTIVE" : "INACTIVE"

  software_token_mfa_configuration {
    enabled = true
  }

  password_policy {
    minimum_length                   = 12
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = false
    temporary_password_validity_days = 7
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }
}

# A public client (no secret) for the mobile/web app: SRP sign-in and refresh tokens; plain
# USER_PASSWORD_AUTH only when cognito_allow_password_auth (dev: tokens from the AWS CLI).
resource "aws_cognito_user_pool_client" "app" {
  name            = "${local.prefix}-app"
  user_pool_id    = aws_cognito_user_pool.main.id
  generate_secret = false

  explicit_auth_flows = concat(
    ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    var.cognito_allow_password_auth ? ["ALLOW_USER_PASSWORD_AUTH"] : [],
  )
  prevent_user_existence_errors = "ENABLED"
  enable_token_revocation       = true

  access_token_validity  = var.cognito_access_token_minutes
  id_token_validity      = var.cognito_access_token_minutes
  refresh_token_validity = 30

  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}

locals {
  # The OIDC issuer: the "iss" of the pool's tokens, Auth__Authority of the API, and the JWT
  # authorizer's issuer. The provider's endpoint attribute lacks the scheme.
  cognito_issuer = "https://${aws_cognito_user_pool.main.endpoint}"
}
