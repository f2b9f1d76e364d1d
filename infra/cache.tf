# Redis for read-model copies (docs/product-rules.md §2: a cache; losing it loses nothing). A replication group
# with cluster mode off, not ElastiCache Serverless: serverless speaks the cluster protocol, and
# the goal cache's compare-and-set Lua script (src/Infrastructure/Cache) touches keys that would
# have to share a hash slot there. StackExchange.Redis (docs/adr/0003) connects with TLS (tested
# against redis-server --tls-port), so transit encryption is on and the connection string says ssl=true.
# No AUTH token: access is limited by the security group (projector and API only).

resource "aws_elasticache_subnet_group" "redis" {
  name       = "${local.prefix}-redis"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id = "${local.prefix}-redis"
  description          = "Lifestyle read-model cache (${var.environment})"
  engine               = "redis"
  engine_version       = var.redis_engine_version
  node_type            = var.redis_node_type
  port                 = 6379
  parameter_group_name = "default.redis7"

  num_cache_clusters         = 1 + var.redis_replicas
  automatic_failover_enabled = var.redis_replicas > 0
  multi_az_enabled           = var.redis_replicas > 0

  subnet_group_name  = aws_elasticache_subnet_group.redis.name
  security_group_ids = [aws_security_group.redis.id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true

  snapshot_retention_limit   = 0 # a cache: nothing to restore
  auto_minor_version_upgrade = true
  apply_immediately          = var.environment == "dev"
}

locals {
  # StackExchange.Redis configuration string (RedisOptions.Configuration, env Redis__Configuration).
  redis_configuration = "${aws_elasticache_replication_group.redis.primary_endpoint_address}:6379,ssl=true,abortConnect=false"
}
