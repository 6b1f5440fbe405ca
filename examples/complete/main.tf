provider "aws" {
  region = var.region

  default_tags {
    tags = {
      project    = "acme-health-hipaa-baseline"
      managed-by = "terraform"
    }
  }
}

locals {
  terraform_role_arn = "arn:aws:iam::${var.account_id}:role/${var.terraform_role_name}"
  # Key administration is delegated to IAM (management actions only); data use needs a named key user.
  key_administrators = ["arn:aws:iam::${var.account_id}:root"]
}

################################################################################
# PHI workload network: private subnets only, no internet gateway.
################################################################################

resource "aws_vpc" "this" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "${var.name_prefix}-phi" }
}

resource "aws_subnet" "private" {
  count = length(var.availability_zones)

  vpc_id                  = aws_vpc.this.id
  availability_zone       = var.availability_zones[count.index]
  cidr_block              = cidrsubnet(var.vpc_cidr, 4, count.index)
  map_public_ip_on_launch = false

  tags = { Name = "${var.name_prefix}-private-${var.availability_zones[count.index]}" }
}

resource "aws_security_group" "alb" {
  name        = "${var.name_prefix}-portal-alb"
  description = "Patient portal load balancer: HTTPS from the VPC only"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_security_group_ingress_rule" "alb_http_redirect" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from inside the VPC, answered with a redirect to HTTPS"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_security_group_egress_rule" "alb_to_targets" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS to the portal targets"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_security_group" "db" {
  name        = "${var.name_prefix}-records-db"
  description = "Records database: PostgreSQL from the VPC only"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "db_postgres" {
  security_group_id = aws_security_group.db.id
  description       = "PostgreSQL (TLS enforced by the parameter group) from inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.vpc_cidr
}

################################################################################
# The HIPAA baseline
################################################################################

module "hipaa_baseline" {
  source = "../../modules/hipaa_baseline"

  name_prefix            = var.name_prefix
  key_administrator_arns = local.key_administrators
  key_service_user_arns  = [local.terraform_role_arn]

  phi_buckets = {
    "acme-health-phi-records-111122223333" = {}
    "acme-health-phi-imaging-111122223333" = {
      object_lock_mode = "COMPLIANCE"
      retention_days   = 3653
    }
  }

  operator_role = {
    name                   = "${var.name_prefix}-phi-operator"
    trusted_principal_arns = var.operator_principal_arns
    access                 = "read-only"
  }

  workload_roles = {
    "acme-health-claims-api" = {
      service_principals = ["ecs-tasks.amazonaws.com"]
      access             = "read-write"
    }
  }

  cloudtrail = {
    bucket_name = "acme-health-cloudtrail-111122223333"
  }
  cloudtrail_log_reader_arns = [var.auditor_role_arn]

  alarm_subscriptions = {
    security = {
      protocol = "email"
      endpoint = var.security_email
    }
  }

  state_backend = {
    bucket_name = "acme-health-terraform-state-111122223333"
    state_key   = "hipaa-baseline/terraform.tfstate"
    user_arns   = [local.terraform_role_arn]
  }

  network = {
    vpc_ids = [aws_vpc.this.id]
  }

  rds = {
    identifier             = "${var.name_prefix}-records"
    engine                 = "postgres"
    engine_version         = "16.4"
    parameter_group_family = "postgres16"
    db_name                = "records"
    subnet_ids             = aws_subnet.private[*].id
    vpc_security_group_ids = [aws_security_group.db.id]
  }

  alb = {
    name               = "${var.name_prefix}-portal"
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.alb.id]
    certificate_arn    = var.certificate_arn
    target_group = {
      name   = "${var.name_prefix}-portal"
      vpc_id = aws_vpc.this.id
    }
  }

  tags = {
    environment = "production"
    owner       = "platform-security"
  }
}
