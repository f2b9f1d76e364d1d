# VPC for the functions that talk to Redis (projector, API); ElastiCache lives only in a VPC.
#
# Egress choices:
# - DynamoDB: a gateway endpoint on the private route tables (free, no NAT data charges), so
#   table and stream traffic never leaves the AWS network.
# - SNS: an interface endpoint with private DNS, so the projector's signed Publish calls to
#   sns.{region}.amazonaws.com resolve inside the VPC. With these two the projector needs no
#   internet route at all, and its security group allows only Redis, DynamoDB and the endpoint.
# - NAT gateway: only the API needs it. With Auth__Authority set, ASP.NET Core's JwtBearer fetches
#   the Cognito user pool's /.well-known/openid-configuration and jwks.json from the public
#   cognito-idp endpoint (the Cognito PrivateLink endpoint covers the user pool API operations,
#   not clearly these documents). One shared NAT in dev, one per AZ in prod (nat_gateway_per_az).
# - CloudWatch Logs needs nothing: Lambda ships function logs itself, outside the function's VPC.
# The daily-close job is not in the VPC (it needs only DynamoDB and SNS, both public endpoints).

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs       = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  nat_count = var.nat_gateway_per_az ? var.az_count : 1
}

resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true # required for the interface endpoint's private DNS

  tags = { Name = local.prefix }
}

resource "aws_subnet" "private" {
  count             = var.az_count
  vpc_id            = aws_vpc.main.id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 8, count.index)

  tags = { Name = "${local.prefix}-private-${local.azs[count.index]}" }
}

resource "aws_subnet" "public" {
  count             = var.az_count
  vpc_id            = aws_vpc.main.id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 8, 100 + count.index)

  tags = { Name = "${local.prefix}-public-${local.azs[count.index]}" }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id

  tags = { Name = local.prefix }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }

  tags = { Name = "${local.prefix}-public" }
}

resource "aws_route_table_association" "public" {
  count          = var.az_count
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_eip" "nat" {
  count  = local.nat_count
  domain = "vpc"

  tags = { Name = "${local.prefix}-nat-${count.index}" }
}

resource "aws_nat_gateway" "main" {
  count         = local.nat_count
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id

  tags       = { Name = "${local.prefix}-${count.index}" }
  depends_on = [aws_internet_gateway.main]
}

resource "aws_route_table" "private" {
  count  = var.az_count
  vpc_id = aws_vpc.main.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main[var.nat_gateway_per_az ? count.index : 0].id
  }

  tags = { Name = "${local.prefix}-private-${local.azs[count.index]}" }
}

resource "aws_route_table_association" "private" {
  count          = var.az_count
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.${local.region}.dynamodb"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = aws_route_table.private[*].id

  tags = { Name = "${local.prefix}-dynamodb" }
}

resource "aws_vpc_endpoint" "sns" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${local.region}.sns"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints.id]

  tags = { Name = "${local.prefix}-sns" }
}

# --- security groups (rules as separate resources; no inline rules) -----------------------

resource "aws_security_group" "projector" {
  name        = "${local.prefix}-projector"
  description = "Projector Lambda: egress to Redis, DynamoDB (gateway endpoint) and the SNS endpoint only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "api" {
  name        = "${local.prefix}-api"
  description = "API Lambda: egress to Redis and HTTPS (DynamoDB endpoint, Cognito keys via NAT)"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "redis" {
  name        = "${local.prefix}-redis"
  description = "ElastiCache Redis: ingress on 6379 from the projector and the API only"
  vpc_id      = aws_vpc.main.id
}

resource "aws_security_group" "endpoints" {
  name        = "${local.prefix}-endpoints"
  description = "Interface VPC endpoints: HTTPS from the projector"
  vpc_id      = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_projector" {
  security_group_id            = aws_security_group.redis.id
  referenced_security_group_id = aws_security_group.projector.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis from the projector"
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_api" {
  security_group_id            = aws_security_group.redis.id
  referenced_security_group_id = aws_security_group.api.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis from the API"
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_from_projector" {
  security_group_id            = aws_security_group.endpoints.id
  referenced_security_group_id = aws_security_group.projector.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  description                  = "HTTPS (SNS) from the projector"
}

resource "aws_vpc_security_group_egress_rule" "projector_to_redis" {
  security_group_id            = aws_security_group.projector.id
  referenced_security_group_id = aws_security_group.redis.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis"
}

resource "aws_vpc_security_group_egress_rule" "projector_to_endpoints" {
  security_group_id            = aws_security_group.projector.id
  referenced_security_group_id = aws_security_group.endpoints.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  description                  = "SNS interface endpoint"
}

resource "aws_vpc_security_group_egress_rule" "projector_to_dynamodb" {
  security_group_id = aws_security_group.projector.id
  prefix_list_id    = aws_vpc_endpoint.dynamodb.prefix_list_id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "DynamoDB via the gateway endpoint (Lambda itself polls the stream)"
}

resource "aws_vpc_security_group_egress_rule" "api_to_redis" {
  security_group_id            = aws_security_group.api.id
  referenced_security_group_id = aws_security_group.redis.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis"
}

resource "aws_vpc_security_group_egress_rule" "api_https" {
  security_group_id = aws_security_group.api.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS: DynamoDB (routed to the gateway endpoint) and Cognito's OIDC documents via NAT"
}
