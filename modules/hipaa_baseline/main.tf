data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  phi_tags = merge(var.tags, { classification = var.classification })

  trail_name        = coalesce(var.cloudtrail.name, "${var.name_prefix}-trail")
  trail_bucket_name = coalesce(var.cloudtrail.bucket_name, "${var.name_prefix}-cloudtrail-${local.account_id}")
  alarm_topic_name  = "${var.name_prefix}-security-alarms"

  # Predictable ARNs let the key policies name their users before those resources exist (no dependency cycle).
  alarm_topic_arn      = "arn:${local.partition}:sns:${local.region}:${local.account_id}:${local.alarm_topic_name}"
  flow_log_group_name  = "/aws/vpc-flow-logs/${var.name_prefix}"
  flow_log_group_arns  = var.network == null ? [] : ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.flow_log_group_name}"]
  rds_log_exports      = var.rds == null ? [] : var.rds.log_exports != null ? var.rds.log_exports : var.rds.engine == "postgres" ? ["postgresql", "upgrade"] : ["error", "general", "slowquery"]
  rds_log_group_names  = { for export in local.rds_log_exports : export => "/aws/rds/instance/${var.rds.identifier}/${export}" }
  rds_log_group_arns   = [for name in values(local.rds_log_group_names) : "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${name}"]
  audit_log_group_arns = concat([module.cloudtrail.log_group_arn], local.flow_log_group_arns, local.rds_log_group_arns)

  replication_role_arns = compact([for bucket in module.phi_bucket : bucket.replication_role_arn])

  phi_bucket_arns     = [for bucket in module.phi_bucket : bucket.bucket_arn]
  replica_bucket_arns = [for bucket in module.phi_replica : bucket.bucket_arn]
  state_bucket_arns   = module.state_backend[*].bucket_arn

  # Object-level events of every PHI-scoped bucket; log sinks are never included (the data-event loop).
  data_event_bucket_arns = concat(local.phi_bucket_arns, local.replica_bucket_arns, local.state_bucket_arns)
  log_sink_bucket_arns = compact(concat(
    [for bucket in module.phi_bucket : bucket.access_log_bucket_arn],
    [for bucket in module.phi_replica : bucket.access_log_bucket_arn],
    module.state_backend[*].access_log_bucket_arn,
  ))
}

################################################################################
# Keys: PHI data, audit logs, (optionally) the PHI replica Region and Terraform state.
# Administrators manage, never use; users are named; services are bound to their resources.
################################################################################

module "kms_phi" {
  source = "../kms"

  alias                   = "${var.name_prefix}-phi"
  description             = "PHI data at rest: S3, EBS by default, RDS"
  key_administrator_arns  = var.key_administrator_arns
  key_user_arns           = concat(module.iam.role_arns, local.replication_role_arns, var.additional_key_user_arns)
  key_service_user_arns   = var.key_service_user_arns
  deletion_window_in_days = var.kms_deletion_window_in_days
  rotation_period_in_days = var.kms_rotation_period_in_days

  tags = local.phi_tags
}

module "kms_audit" {
  source = "../kms"

  alias                          = "${var.name_prefix}-audit"
  description                    = "Audit logs: CloudTrail, CloudWatch Logs, security alarm topic"
  key_administrator_arns         = var.key_administrator_arns
  cloudtrail_trail_arns          = [module.cloudtrail.trail_arn]
  cloudtrail_log_reader_arns     = var.cloudtrail_log_reader_arns
  cloudwatch_logs_log_group_arns = local.audit_log_group_arns
  cloudwatch_alarm_topic_arns    = [local.alarm_topic_arn]
  deletion_window_in_days        = var.kms_deletion_window_in_days
  rotation_period_in_days        = var.kms_rotation_period_in_days

  tags = var.tags
}

module "kms_replica" {
  source = "../kms"
  count  = var.replication == null ? 0 : 1

  region                  = var.replication.region
  alias                   = "${var.name_prefix}-phi-replica"
  description             = "PHI replicas in ${var.replication.region}"
  key_administrator_arns  = var.key_administrator_arns
  key_user_arns           = local.replication_role_arns
  deletion_window_in_days = var.kms_deletion_window_in_days
  rotation_period_in_days = var.kms_rotation_period_in_days

  tags = local.phi_tags
}

################################################################################
# PHI buckets (and their replicas in a second Region)
################################################################################

module "phi_bucket" {
  source   = "../s3_compliant"
  for_each = var.phi_buckets

  bucket_name                        = each.key
  kms_key_arn                        = module.kms_phi.key_arn
  object_lock_mode                   = each.value.object_lock_mode
  retention_days                     = each.value.retention_days
  noncurrent_version_transition_days = each.value.noncurrent_version_transition_days
  classification                     = var.classification

  replication             = var.replication == null ? null : { destination_bucket_arn = module.phi_replica[each.key].bucket_arn, storage_class = var.replication.storage_class }
  replication_kms_key_arn = var.replication == null ? null : module.kms_replica[0].key_arn

  tags = var.tags
}

module "phi_replica" {
  source   = "../s3_compliant"
  for_each = var.replication == null ? {} : var.phi_buckets

  region                             = var.replication.region
  bucket_name                        = "${each.key}-replica"
  kms_key_arn                        = module.kms_replica[0].key_arn
  object_lock_mode                   = each.value.object_lock_mode
  retention_days                     = each.value.retention_days
  noncurrent_version_transition_days = each.value.noncurrent_version_transition_days
  classification                     = var.classification

  tags = var.tags
}

################################################################################
# Least-privilege access to PHI
################################################################################

module "iam" {
  source = "../iam"

  name_prefix          = "${var.name_prefix}-phi"
  bucket_arns          = local.phi_bucket_arns
  kms_key_arn          = module.kms_phi.key_arn
  object_tag_condition = var.object_tag_condition
  operator_role        = var.operator_role
  workload_roles       = var.workload_roles

  tags = var.tags
}

################################################################################
# Audit trail and alarms
################################################################################

module "cloudtrail" {
  source = "../cloudtrail"

  name                            = local.trail_name
  kms_key_arn                     = module.kms_audit.key_arn
  bucket_name                     = local.trail_bucket_name
  bucket_object_lock_mode         = var.cloudtrail.object_lock_mode
  bucket_retention_days           = var.cloudtrail.retention_days
  organization_id                 = var.cloudtrail.organization_id
  cloudwatch_logs                 = { retention_in_days = var.cloudtrail.log_retention_in_days }
  data_event_bucket_arns          = local.data_event_bucket_arns
  excluded_data_event_bucket_arns = local.log_sink_bucket_arns

  tags = var.tags
}

module "monitoring" {
  source = "../monitoring"

  name_prefix                 = var.name_prefix
  topic_name                  = local.alarm_topic_name
  cloudtrail_log_group_name   = module.cloudtrail.log_group_name
  kms_key_arn                 = module.kms_audit.key_arn
  subscriptions               = var.alarm_subscriptions
  organizations_changes_alarm = var.cloudtrail.organization_id != null

  tags = var.tags
}

################################################################################
# Terraform state backend
################################################################################

module "kms_state" {
  source = "../kms"
  count  = var.state_backend == null ? 0 : 1

  alias                   = "${var.name_prefix}-terraform-state"
  description             = "Terraform state"
  key_administrator_arns  = var.state_backend.key_administrator_arns != null ? var.state_backend.key_administrator_arns : var.key_administrator_arns
  key_user_arns           = var.state_backend.user_arns
  deletion_window_in_days = var.kms_deletion_window_in_days
  rotation_period_in_days = var.kms_rotation_period_in_days

  tags = local.phi_tags
}

module "state_backend" {
  source = "../state_backend"
  count  = var.state_backend == null ? 0 : 1

  bucket_name         = coalesce(var.state_backend.bucket_name, "${var.name_prefix}-terraform-state-${local.account_id}")
  kms_key_arn         = module.kms_state[0].key_arn
  state_key           = var.state_backend.state_key
  retention_days      = var.state_backend.retention_days
  dynamodb_lock_table = var.state_backend.dynamodb_lock_table_name == null ? null : { name = var.state_backend.dynamodb_lock_table_name }
  access_policy_name  = "${var.name_prefix}-terraform-state-access"
  classification      = var.classification

  tags = var.tags
}

################################################################################
# Account-level controls
################################################################################

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Regional settings: they apply to the provider's Region.
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = module.kms_phi.key_arn
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = var.password_policy.minimum_password_length
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  password_reuse_prevention      = var.password_policy.password_reuse_prevention
  max_password_age               = var.password_policy.max_password_age
  hard_expiry                    = false
}

resource "aws_accessanalyzer_analyzer" "this" {
  analyzer_name = "${var.name_prefix}-access-analyzer"
  type          = var.access_analyzer_type

  tags = var.tags
}

################################################################################
# Optional network: VPC flow logs to a KMS-encrypted log group; default security groups closed.
################################################################################

resource "aws_cloudwatch_log_group" "flow_logs" {
  count = var.network == null ? 0 : 1

  name                        = local.flow_log_group_name
  retention_in_days           = var.network.log_retention_in_days
  kms_key_id                  = module.kms_audit.key_arn
  deletion_protection_enabled = true

  tags = var.tags
}

data "aws_iam_policy_document" "flow_logs_trust" {
  count = var.network == null ? 0 : 1

  statement {
    sid     = "VpcFlowLogsAssumeRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ec2:${local.region}:${local.account_id}:vpc-flow-log/*"]
    }
  }
}

resource "aws_iam_role" "flow_logs" {
  count = var.network == null ? 0 : 1

  name                 = "${var.name_prefix}-vpc-flow-logs"
  description          = "VPC flow logs delivery to ${local.flow_log_group_name}."
  assume_role_policy   = data.aws_iam_policy_document.flow_logs_trust[0].json
  max_session_duration = 3600

  tags = var.tags
}

data "aws_iam_policy_document" "flow_logs" {
  count = var.network == null ? 0 : 1

  statement {
    sid       = "DeliverFlowLogs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    resources = [aws_cloudwatch_log_group.flow_logs[0].arn, "${aws_cloudwatch_log_group.flow_logs[0].arn}:*"]
  }
}

resource "aws_iam_role_policy" "flow_logs" {
  count = var.network == null ? 0 : 1

  name   = "vpc-flow-logs-delivery"
  role   = aws_iam_role.flow_logs[0].id
  policy = data.aws_iam_policy_document.flow_logs[0].json
}

# count, not for_each: VPC ids created in the same configuration are unknown until apply.
resource "aws_flow_log" "this" {
  count = var.network == null ? 0 : length(var.network.vpc_ids)

  vpc_id                   = var.network.vpc_ids[count.index]
  traffic_type             = var.network.traffic_type
  log_destination_type     = "cloud-watch-logs"
  log_destination          = aws_cloudwatch_log_group.flow_logs[0].arn
  iam_role_arn             = aws_iam_role.flow_logs[0].arn
  max_aggregation_interval = 60

  tags = merge(var.tags, { Name = "${var.name_prefix}-flow-log-${count.index}" })
}

# Adopting the default security group removes all of its rules (CIS 5.4): nothing can use it by accident.
resource "aws_default_security_group" "this" {
  count = var.network == null ? 0 : var.network.restrict_default_security_group ? length(var.network.vpc_ids) : 0

  vpc_id = var.network.vpc_ids[count.index]

  tags = merge(var.tags, { Name = "default - no rules" })
}

################################################################################
# Optional encrypted RDS instance (seed 001): private, Multi-AZ, backups, deletion protection,
# IAM authentication, master password generated and kept in Secrets Manager, TLS enforced.
################################################################################

resource "aws_db_subnet_group" "this" {
  count = var.rds == null ? 0 : 1

  name       = var.rds.identifier
  subnet_ids = var.rds.subnet_ids

  tags = var.tags
}

resource "aws_db_parameter_group" "this" {
  count = var.rds == null ? 0 : 1

  name        = "${var.rds.identifier}-tls"
  family      = var.rds.parameter_group_family
  description = "TLS-only connections and connection logging for ${var.rds.identifier}"

  dynamic "parameter" {
    for_each = var.rds.engine == "postgres" ? tomap({ "rds.force_ssl" = "1", "log_connections" = "1", "log_disconnections" = "1" }) : tomap({ "require_secure_transport" = "ON" })

    content {
      name  = parameter.key
      value = parameter.value
    }
  }

  tags = var.tags
}

# Created before the instance so RDS does not create them unencrypted and kept forever.
resource "aws_cloudwatch_log_group" "rds" {
  for_each = local.rds_log_group_names

  name                        = each.value
  retention_in_days           = var.rds.log_retention_in_days
  kms_key_id                  = module.kms_audit.key_arn
  deletion_protection_enabled = true

  tags = var.tags
}

resource "aws_db_instance" "this" {
  count = var.rds == null ? 0 : 1

  identifier            = var.rds.identifier
  engine                = var.rds.engine
  engine_version        = var.rds.engine_version
  instance_class        = var.rds.instance_class
  allocated_storage     = var.rds.allocated_storage
  max_allocated_storage = var.rds.max_allocated_storage
  storage_type          = "gp3"
  db_name               = var.rds.db_name
  username              = var.rds.username

  storage_encrypted                   = true
  kms_key_id                          = module.kms_phi.key_arn
  manage_master_user_password         = true
  master_user_secret_kms_key_id       = var.rds.master_user_secret_kms_key_arn
  iam_database_authentication_enabled = true
  ca_cert_identifier                  = "rds-ca-rsa2048-g1"

  db_subnet_group_name   = aws_db_subnet_group.this[0].name
  vpc_security_group_ids = var.rds.vpc_security_group_ids
  parameter_group_name   = aws_db_parameter_group.this[0].name
  publicly_accessible    = false
  multi_az               = true

  backup_retention_period   = var.rds.backup_retention_period
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.rds.identifier}-final"
  copy_tags_to_snapshot     = true
  delete_automated_backups  = false

  auto_minor_version_upgrade      = true
  enabled_cloudwatch_logs_exports = local.rds_log_exports
  performance_insights_enabled    = true
  performance_insights_kms_key_id = module.kms_phi.key_arn

  tags = local.phi_tags

  depends_on = [aws_cloudwatch_log_group.rds]
}

################################################################################
# Optional ALB (seed 001): HTTPS only with a TLS 1.3/1.2 policy, HTTP only redirects, invalid headers dropped.
################################################################################

resource "aws_lb" "this" {
  count = var.alb == null ? 0 : 1

  name                       = var.alb.name
  load_balancer_type         = "application"
  internal                   = var.alb.internal
  subnets                    = var.alb.subnet_ids
  security_groups            = var.alb.security_group_ids
  drop_invalid_header_fields = true
  enable_deletion_protection = true

  dynamic "access_logs" {
    for_each = var.alb.access_logs_bucket == null ? [] : [var.alb.access_logs_bucket]

    content {
      bucket  = access_logs.value
      prefix  = var.alb.name
      enabled = true
    }
  }

  tags = var.tags
}

resource "aws_lb_target_group" "this" {
  count = var.alb == null ? 0 : var.alb.target_group == null ? 0 : 1

  name        = var.alb.target_group.name
  port        = var.alb.target_group.port
  protocol    = "HTTPS"
  target_type = var.alb.target_group.target_type
  vpc_id      = var.alb.target_group.vpc_id

  health_check {
    enabled  = true
    protocol = "HTTPS"
    path     = var.alb.target_group.health_check_path
    matcher  = "200-399"
  }

  tags = var.tags
}

resource "aws_lb_listener" "https" {
  count = var.alb == null ? 0 : 1

  load_balancer_arn = aws_lb.this[0].arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.alb.ssl_policy
  certificate_arn   = var.alb.certificate_arn

  dynamic "default_action" {
    for_each = var.alb.target_group == null ? [] : [1]

    content {
      type             = "forward"
      target_group_arn = aws_lb_target_group.this[0].arn
    }
  }

  dynamic "default_action" {
    for_each = var.alb.target_group == null ? [1] : []

    content {
      type = "fixed-response"

      fixed_response {
        content_type = "text/plain"
        message_body = "Not found"
        status_code  = "404"
      }
    }
  }

  tags = var.tags
}

resource "aws_lb_listener" "http_redirect" {
  count = var.alb == null ? 0 : 1

  load_balancer_arn = aws_lb.this[0].arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }

  tags = var.tags
}
