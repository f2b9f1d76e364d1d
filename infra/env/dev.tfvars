# terraform plan -var-file=env/dev.tfvars
environment = "dev"
aws_region  = "eu-central-1"

table_name                = "lifestyle-dev"
table_deletion_protection = true
notifications_topic_name  = "lifestyle-dev-notifications"
log_retention_days        = 14

az_count           = 2
nat_gateway_per_az = false

projector_memory_mb               = 1024
projector_batching_window_seconds = 0
projector_parallelization_factor  = 2
projector_max_retry_attempts      = 5
projector_max_record_age_seconds  = 3600

api_memory_mb               = 1024
api_provisioned_concurrency = 0
cognito_allow_password_auth = true

redis_node_type = "cache.t4g.micro"
redis_replicas  = 0
