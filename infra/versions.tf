# Terraform and provider versions.
#
# The AWS provider validates aws_lambda_function.runtime against the Lambda enum of the AWS SDK
# for Go v2. "dotnet10" entered that enum in December 2025 and reached the provider in 6.27.0;
# every 5.x release rejects it ("expected runtime to be one of [...], got dotnet10"), so this
# configuration needs provider 6.27 or later (tests/Infra.Tests checks the lower bound).
terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.27.0, < 7.0.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.6.0, < 4.0.0"
    }
  }

  # State stays local unless a backend is configured, e.g. add
  #   backend "s3" {}
  # and run: terraform init -backend-config="bucket=..." -backend-config="key=lifestyle/dev.tfstate" \
  #   -backend-config="region=..." -backend-config="use_lockfile=true"
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = var.project
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}
