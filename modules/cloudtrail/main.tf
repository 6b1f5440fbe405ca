data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  # Predictable ARNs: the bucket and key policies name them before the trail exists (no dependency cycle).
  trail_arn      = "arn:${local.partition}:cloudtrail:${local.region}:${local.account_id}:trail/${var.name}"
  bucket_arn     = "arn:${local.partition}:s3:::${var.bucket_name}"
  log_group_name = coalesce(var.cloudwatch_logs.log_group_name, "/aws/cloudtrail/${var.name}")
  log_group_arn  = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"
  key_prefix     = var.s3_key_prefix == null ? "" : "${var.s3_key_prefix}/"

  log_delivery_arns = concat(
    ["${local.bucket_arn}/${local.key_prefix}AWSLogs/${local.account_id}/*"],
    var.organization_id == null ? [] : ["${local.bucket_arn}/${local.key_prefix}AWSLogs/${var.organization_id}/*"],
  )

  # Never log object events of the trail's own bucket or its access-log bucket: each delivery would be logged again (LZA#1192).
  never_logged_bucket_arns = concat([local.bucket_arn, module.bucket.access_log_bucket_arn], var.excluded_data_event_bucket_arns)
}

################################################################################
# Trail bucket: every PHI-bucket protection (s3_compliant) plus the statements CloudTrail needs, bound by aws:SourceArn.
################################################################################

data "aws_iam_policy_document" "cloudtrail_delivery" {
  statement {
    sid       = "AWSCloudTrailAclCheck"
    effect    = "Allow"
    actions   = ["s3:GetBucketAcl"]
    resources = [local.bucket_arn]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_arn]
    }
  }

  statement {
    sid       = "AWSCloudTrailWrite"
    effect    = "Allow"
    actions   = ["s3:PutObject"]
    resources = local.log_delivery_arns

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-acl"
      values   = ["bucket-owner-full-control"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [local.trail_arn]
    }
  }
}

module "bucket" {
  source = "../s3_compliant"

  bucket_name    = var.bucket_name
  kms_key_arn    = var.kms_key_arn
  classification = var.bucket_classification

  # With an S3 Bucket Key, creating or updating an SSE-KMS trail needs kms:Decrypt for the caller; keep the deployer out of the data path.
  bucket_key_enabled = false
  # CloudTrail names the trail's key in its own request; the trail's kms_key_id already pins it.
  deny_other_kms_keys = false

  object_lock_mode = var.bucket_object_lock_mode
  retention_days   = var.bucket_retention_days
  policy_documents = [data.aws_iam_policy_document.cloudtrail_delivery.json]
  access_logs      = var.bucket_access_logs
  force_destroy    = var.bucket_force_destroy

  tags = var.tags
}

################################################################################
# CloudWatch Logs delivery: KMS-encrypted group kept 6 years by default.
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  name                        = local.log_group_name
  retention_in_days           = var.cloudwatch_logs.retention_in_days
  kms_key_id                  = coalesce(var.cloudwatch_logs.kms_key_arn, var.kms_key_arn)
  deletion_protection_enabled = true

  tags = var.tags
}

# No source condition: a role can only be passed (iam:PassRole) within this account, and CloudTrail documents
# no source-context keys for this call; a wrong condition would silently stop delivery to the alarms.
data "aws_iam_policy_document" "cloudwatch_logs_trust" {
  statement {
    sid     = "CloudTrailAssumesDeliveryRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "cloudwatch_logs" {
  name                 = substr("${var.name}-cloudtrail-to-cloudwatch", 0, 64)
  description          = "CloudTrail ${var.name} delivers events to ${local.log_group_name}."
  assume_role_policy   = data.aws_iam_policy_document.cloudwatch_logs_trust.json
  max_session_duration = 3600

  tags = var.tags
}

data "aws_iam_policy_document" "cloudwatch_logs" {
  statement {
    sid       = "DeliverTrailEvents"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:log-stream:*"]
  }
}

resource "aws_iam_role_policy" "cloudwatch_logs" {
  name   = "cloudtrail-to-cloudwatch-logs"
  role   = aws_iam_role.cloudwatch_logs.id
  policy = data.aws_iam_policy_document.cloudwatch_logs.json
}

################################################################################
# The trail
################################################################################

resource "aws_cloudtrail" "this" {
  name                          = var.name
  s3_bucket_name                = module.bucket.bucket_id
  s3_key_prefix                 = var.s3_key_prefix
  kms_key_id                    = var.kms_key_arn
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  enable_logging                = true
  is_organization_trail         = var.organization_id != null
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.this.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.cloudwatch_logs.arn

  # Advanced selectors replace the basic ones, so management events need their own selector.
  advanced_event_selector {
    name = "Management events"

    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  dynamic "advanced_event_selector" {
    for_each = length(var.data_event_bucket_arns) > 0 ? [1] : []

    content {
      name = "S3 object events on PHI buckets"

      field_selector {
        field  = "eventCategory"
        equals = ["Data"]
      }

      field_selector {
        field  = "resources.type"
        equals = ["AWS::S3::Object"]
      }

      field_selector {
        field       = "resources.ARN"
        starts_with = [for arn in var.data_event_bucket_arns : "${arn}/"]
      }
    }
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = length(setintersection(toset(var.data_event_bucket_arns), toset(compact(local.never_logged_bucket_arns)))) == 0
      error_message = "data_event_bucket_arns must not include the trail bucket, its access-log bucket or excluded_data_event_bucket_arns: logging their object events makes every log delivery generate another event."
    }
  }

  depends_on = [module.bucket, aws_iam_role_policy.cloudwatch_logs]
}
