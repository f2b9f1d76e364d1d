# Inputs. env/dev.tfvars and env/prod.tfvars set every variable without a default (the infra
# tests check that, and that every variable has a description).

variable "project" {
  description = "Prefix of every resource name (names are \"{project}-{environment}-...\")."
  type        = string
  default     = "lifestyle"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.project))
    error_message = "project: 2-21 characters of a-z, 0-9 and -, starting with a letter."
  }
}

variable "environment" {
  description = "Deployment environment: dev or prod."
  type        = string

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "aws_region" {
  description = "AWS region to deploy into, e.g. eu-central-1."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "aws_region must look like eu-central-1."
  }
}

variable "build_dir" {
  description = "Directory (relative to infra/) holding projections.zip and api.zip from infra/package.sh."
  type        = string
  default     = "build"
}

variable "table_name" {
  description = "DynamoDB table name (the API's and projector's DynamoDb__TableName; docs/product-rules.md §2 default lifestyle)."
  type        = string
  default     = "lifestyle"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{3,255}$", var.table_name))
    error_message = "table_name: 3-255 characters of A-Z a-z 0-9 _ . -."
  }
}

variable "table_deletion_protection" {
  description = "Refuse DeleteTable on the table (turn off only to destroy a throwaway environment)."
  type        = bool
  default     = true
}

variable "notifications_topic_name" {
  description = "SNS topic for user notifications (docs/product-rules.md §6 default lifestyle-notifications)."
  type        = string
  default     = "lifestyle-notifications"
}

variable "ops_alarm_emails" {
  description = "E-mail addresses subscribed to the ops alarm topic (each must confirm the subscription)."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Retention of the Lambda and API access log groups, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

# --- network -------------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "CIDR block of the VPC; subnets are /24s carved from it."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && can(regex("/(1[6-9]|20)$", var.vpc_cidr))
    error_message = "vpc_cidr must be a valid CIDR block from /16 to /20."
  }
}

variable "az_count" {
  description = "Number of availability zones for private (and NAT) subnets."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3 (ElastiCache Multi-AZ and Lambda need at least 2)."
  }
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per AZ (true, no cross-AZ dependency) or a single shared one (false, cheaper)."
  type        = bool
  default     = false
}

# --- projector -----------------------------------------------------------------------------

variable "projector_memory_mb" {
  description = "Memory of the projector Lambda in MB (CPU scales with it)."
  type        = number
  default     = 1024

  validation {
    condition     = var.projector_memory_mb >= 256 && var.projector_memory_mb <= 10240
    error_message = "projector_memory_mb must be between 256 and 10240."
  }
}

variable "projector_timeout_seconds" {
  description = "Timeout of one projector invocation (one stream batch), in seconds."
  type        = number
  default     = 60

  validation {
    condition     = var.projector_timeout_seconds >= 5 && var.projector_timeout_seconds <= 900
    error_message = "projector_timeout_seconds must be between 5 and 900."
  }
}

variable "projector_batch_size" {
  description = "Stream records per projector invocation."
  type        = number
  default     = 100

  validation {
    condition     = var.projector_batch_size >= 1 && var.projector_batch_size <= 10000
    error_message = "projector_batch_size must be between 1 and 10000."
  }
}

variable "projector_batching_window_seconds" {
  description = "How long the mapping may wait to fill a batch, in seconds (adds to projection lag)."
  type        = number
  default     = 0

  validation {
    condition     = var.projector_batching_window_seconds >= 0 && var.projector_batching_window_seconds <= 300
    error_message = "projector_batching_window_seconds must be between 0 and 300."
  }
}

variable "projector_parallelization_factor" {
  description = "Concurrent batches per stream shard (1-10); order per partition key is kept at any value."
  type        = number
  default     = 2

  validation {
    condition     = var.projector_parallelization_factor >= 1 && var.projector_parallelization_factor <= 10
    error_message = "projector_parallelization_factor must be between 1 and 10."
  }
}

variable "projector_max_retry_attempts" {
  description = "Retries of a failing batch before its records go to the DLQ (bounded: 0-10000, never -1)."
  type        = number
  default     = 5

  validation {
    condition     = var.projector_max_retry_attempts >= 0 && var.projector_max_retry_attempts <= 10000
    error_message = "projector_max_retry_attempts must be between 0 and 10000 (-1, infinite, is not allowed)."
  }
}

variable "projector_max_record_age_seconds" {
  description = "Oldest record the mapping still sends to the projector, in seconds (bounded: 60-604800, never -1)."
  type        = number
  default     = 3600

  validation {
    condition     = var.projector_max_record_age_seconds >= 60 && var.projector_max_record_age_seconds <= 604800
    error_message = "projector_max_record_age_seconds must be between 60 and 604800 (-1, infinite, is not allowed)."
  }
}

variable "projector_iterator_age_alarm_ms" {
  description = "Alarm when the projector's IteratorAge (stream lag) exceeds this many milliseconds."
  type        = number
  default     = 60000
}

# --- API -----------------------------------------------------------------------------------

variable "api_memory_mb" {
  description = "Memory of the API Lambda in MB (CPU scales with it)."
  type        = number
  default     = 1024

  validation {
    condition     = var.api_memory_mb >= 512 && var.api_memory_mb <= 10240
    error_message = "api_memory_mb must be between 512 and 10240."
  }
}

variable "api_timeout_seconds" {
  description = "Timeout of one API invocation, in seconds (API Gateway HTTP APIs give up after 30)."
  type        = number
  default     = 29

  validation {
    condition     = var.api_timeout_seconds >= 3 && var.api_timeout_seconds <= 30
    error_message = "api_timeout_seconds must be between 3 and 30."
  }
}

variable "api_provisioned_concurrency" {
  description = "Pre-initialised API execution environments (0 = none; avoids .NET cold starts in the p99)."
  type        = number
  default     = 0

  validation {
    condition     = var.api_provisioned_concurrency >= 0
    error_message = "api_provisioned_concurrency must be 0 or more."
  }
}

variable "api_throttle_rate" {
  description = "Steady-state requests per second the HTTP API stage accepts."
  type        = number
  default     = 100
}

variable "api_throttle_burst" {
  description = "Burst of requests the HTTP API stage accepts."
  type        = number
  default     = 200
}

variable "lambda_web_adapter_layer_version" {
  description = "Version of the AWS Lambda Web Adapter layer (LambdaAdapterLayerX86) that runs the ASP.NET Core API."
  type        = number
  default     = 26
}

variable "cognito_allow_password_auth" {
  description = "Let the app client use USER_PASSWORD_AUTH (handy for getting tokens with the AWS CLI; SRP is always on)."
  type        = bool
  default     = false
}

variable "cognito_access_token_minutes" {
  description = "Lifetime of Cognito access and ID tokens, in minutes."
  type        = number
  default     = 60

  validation {
    condition     = var.cognito_access_token_minutes >= 5 && var.cognito_access_token_minutes <= 1440
    error_message = "cognito_access_token_minutes must be between 5 and 1440."
  }
}

# --- cache and daily job -------------------------------------------------------------------

variable "redis_node_type" {
  description = "ElastiCache node type of the Redis replication group."
  type        = string
  default     = "cache.t4g.micro"
}

variable "redis_replicas" {
  description = "Read replicas beside the primary (0 = single node; 1 or more enables Multi-AZ failover)."
  type        = number
  default     = 0

  validation {
    condition     = var.redis_replicas >= 0 && var.redis_replicas <= 5
    error_message = "redis_replicas must be between 0 and 5."
  }
}

variable "redis_engine_version" {
  description = "Redis OSS engine version of the replication group."
  type        = string
  default     = "7.1"
}

variable "daily_close_memory_mb" {
  description = "Memory of the daily-close Lambda in MB."
  type        = number
  default     = 1024
}

variable "daily_close_timeout_seconds" {
  description = "Timeout of the daily-close job, in seconds."
  type        = number
  default     = 900

  validation {
    condition     = var.daily_close_timeout_seconds >= 30 && var.daily_close_timeout_seconds <= 900
    error_message = "daily_close_timeout_seconds must be between 30 and 900."
  }
}

variable "erasure_memory_mb" {
  description = "Memory of the erasure-job Lambda in MB."
  type        = number
  default     = 512
}

variable "erasure_timeout_seconds" {
  description = "Timeout of the erasure job, in seconds; it starts no page in the last 300 s."
  type        = number
  default     = 900

  validation {
    condition     = var.erasure_timeout_seconds >= 360 && var.erasure_timeout_seconds <= 900
    error_message = "erasure_timeout_seconds must be between 360 and 900."
  }
}

variable "erasure_items_per_second" {
  description = "Deletes a second one erasure offers (API and erasure job): under a partition's 1,000 WCU/s, and at least 50,000 a minute (docs/product-rules.md §5)."
  type        = number
  default     = 900

  validation {
    condition     = var.erasure_items_per_second >= 834 && var.erasure_items_per_second <= 1000
    error_message = "erasure_items_per_second must be between 834 (50,000 a minute) and 1000 (a partition's write limit)."
  }
}
