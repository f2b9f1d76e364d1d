# terraform plan -var-file=env/prod.tfvars
# Sized for 10 M users from docs/capacity.md; each sized value names the section of the plan it comes from.
environment = "prod"
aws_region  = "eu-central-1"

table_name                = "lifestyle"
table_deletion_protection = true
notifications_topic_name  = "lifestyle-notifications"
log_retention_days        = 90
ops_alarm_emails          = []

az_count           = 3
nat_gateway_per_az = true

projector_memory_mb               = 1536  # capacity §7: 1,536 MB, ~40 ms an invocation
projector_batch_size              = 100   # capacity §7: a full batch (~50 goals) in ~0.1 s, backlog clears at ~100x
projector_batching_window_seconds = 0     # capacity §7: a window adds its seconds to the lag and the 2 s read-your-writes wait
projector_parallelization_factor  = 4     # capacity §7: 4,000 records/s per shard against ~30/s arriving at peak
projector_max_retry_attempts      = 5
projector_max_record_age_seconds  = 3600  # capacity §7: the alarm below is far under the age at which records drop
projector_iterator_age_alarm_ms   = 10000 # capacity §7: 10x the planned 1 s p99 lag, 5x the 2 s minVersion wait

api_memory_mb               = 1536
api_provisioned_concurrency = 20   # capacity §10: peak concurrency ~16 (596 x 15 ms + 1,445 x 5 ms)
api_throttle_rate           = 3000 # capacity §11 row 3: 200/s throttles the morning peak from ~1 M users
api_throttle_burst          = 6000 # capacity §11 row 3: twice the rate
cognito_allow_password_auth = false

redis_node_type = "cache.r7g.2xlarge" # capacity §8: ~26 GB working set at the planning peak (t4g.small evicts from ~0.4 M users)
redis_replicas  = 1                   # capacity §8: one replica
