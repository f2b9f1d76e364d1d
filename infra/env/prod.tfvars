# terraform plan -var-file=env/prod.tfvars
environment = "prod"
aws_region  = "eu-central-1"

table_name                = "lifestyle"
table_deletion_protection = true
notifications_topic_name  = "lifestyle-notifications"
log_retention_days        = 90
ops_alarm_emails          = []

az_count           = 3
nat_gateway_per_az = true

projector_memory_mb               = 1536
projector_batch_size              = 100
projector_batching_window_seconds = 0
projector_parallelization_factor  = 4
projector_max_retry_attempts      = 5
projector_max_record_age_seconds  = 3600
projector_iterator_age_alarm_ms   = 30000

api_memory_mb               = 1536
api_provisioned_concurrency = 2
api_throttle_rate           = 200
api_throttle_burst          = 400
cognito_allow_password_auth = false

redis_node_type = "cache.t4g.small"
redis_replicas  = 1
