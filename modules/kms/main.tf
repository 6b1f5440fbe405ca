data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = coalesce(var.region, data.aws_region.current.region)

  # Manage the key, never use it: no Encrypt/Decrypt/GenerateDataKey and no CreateGrant, so an administrator
  # cannot hand itself data access (HIPAA 164.308(a)(4)(ii)(B), separation of duties).
  key_administrator_actions = [
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:DeleteAlias",
    "kms:DescribeKey",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:EnableKey",
    "kms:EnableKeyRotation",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListGrants",
    "kms:ListKeyPolicies",
    "kms:ListKeyRotations",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:RetireGrant",
    "kms:RevokeGrant",
    "kms:RotateKeyOnDemand",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateAlias",
    "kms:UpdateKeyDescription",
  ]

  key_user_actions = [
    "kms:Decrypt",
    "kms:DescribeKey",
    "kms:Encrypt",
    "kms:GenerateDataKey*",
    "kms:ReEncrypt*",
  ]

  grant_principal_arns = distinct(concat(var.key_user_arns, var.key_service_user_arns))
  trail_arn_pattern    = "arn:${local.partition}:cloudtrail:*:${local.account_id}:trail/*"
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "KeyAdministration"
    effect    = "Allow"
    actions   = local.key_administrator_actions
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = var.key_administrator_arns
    }
  }

  dynamic "statement" {
    for_each = length(var.key_user_arns) > 0 ? [1] : []

    content {
      sid       = "KeyUsage"
      effect    = "Allow"
      actions   = local.key_user_actions
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = var.key_user_arns
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.key_service_user_arns) > 0 ? [1] : []

    content {
      sid       = "KeyServiceUsersDescribe"
      effect    = "Allow"
      actions   = ["kms:DescribeKey"]
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = var.key_service_user_arns
      }
    }
  }

  # Lets AWS services (EBS, RDS, DynamoDB, S3 replication) hold grants for the principals above; only for AWS resources.
  dynamic "statement" {
    for_each = length(local.grant_principal_arns) > 0 ? [1] : []

    content {
      sid       = "GrantsForAwsResources"
      effect    = "Allow"
      actions   = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = local.grant_principal_arns
      }

      condition {
        test     = "Bool"
        variable = "kms:GrantIsForAWSResource"
        values   = ["true"]
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.cloudtrail_trail_arns) > 0 ? [1] : []

    content {
      sid       = "CloudTrailEncryptLogs"
      effect    = "Allow"
      actions   = ["kms:GenerateDataKey*"]
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["cloudtrail.amazonaws.com"]
      }

      condition {
        test     = "StringLike"
        variable = "kms:EncryptionContext:aws:cloudtrail:arn"
        values   = [local.trail_arn_pattern]
      }

      condition {
        test     = "StringEquals"
        variable = "aws:SourceArn"
        values   = var.cloudtrail_trail_arns
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.cloudtrail_trail_arns) > 0 ? [1] : []

    content {
      sid       = "CloudTrailDescribeKey"
      effect    = "Allow"
      actions   = ["kms:DescribeKey"]
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["cloudtrail.amazonaws.com"]
      }

      condition {
        test     = "StringEquals"
        variable = "aws:SourceArn"
        values   = var.cloudtrail_trail_arns
      }
    }
  }

  # Auditors read trail log and digest files; narrowed to this account and to CloudTrail's encryption context.
  dynamic "statement" {
    for_each = length(var.cloudtrail_log_reader_arns) > 0 ? [1] : []

    content {
      sid       = "CloudTrailLogReaders"
      effect    = "Allow"
      actions   = ["kms:Decrypt", "kms:ReEncryptFrom"]
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = var.cloudtrail_log_reader_arns
      }

      condition {
        test     = "StringEquals"
        variable = "kms:CallerAccount"
        values   = [local.account_id]
      }

      condition {
        test     = "StringLike"
        variable = "kms:EncryptionContext:aws:cloudtrail:arn"
        values   = [local.trail_arn_pattern]
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.cloudwatch_logs_log_group_arns) > 0 ? [1] : []

    content {
      sid       = "CloudWatchLogsEncryption"
      effect    = "Allow"
      actions   = ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"]
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["logs.${local.region}.amazonaws.com"]
      }

      condition {
        test     = "ArnLike"
        variable = "kms:EncryptionContext:aws:logs:arn"
        values   = var.cloudwatch_logs_log_group_arns
      }
    }
  }

  # CloudWatch alarms call KMS themselves when they publish to an encrypted topic; alias/aws/sns cannot grant this.
  dynamic "statement" {
    for_each = length(var.cloudwatch_alarm_topic_arns) > 0 ? [1] : []

    content {
      sid       = "CloudWatchAlarmsPublishToEncryptedTopics"
      effect    = "Allow"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["cloudwatch.amazonaws.com"]
      }

      condition {
        test     = "StringEquals"
        variable = "kms:EncryptionContext:aws:sns:topicArn"
        values   = var.cloudwatch_alarm_topic_arns
      }
    }
  }

  dynamic "statement" {
    for_each = var.service_principals

    content {
      sid       = statement.key
      effect    = "Allow"
      actions   = statement.value.actions
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = [statement.value.service]
      }

      condition {
        test     = "StringEquals"
        variable = "aws:SourceAccount"
        values   = [local.account_id]
      }

      dynamic "condition" {
        for_each = length(statement.value.source_arns) > 0 ? [1] : []

        content {
          test     = "ArnLike"
          variable = "aws:SourceArn"
          values   = statement.value.source_arns
        }
      }
    }
  }
}

resource "aws_kms_key" "this" {
  region = var.region

  description              = var.description
  key_usage                = "ENCRYPT_DECRYPT"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = true
  rotation_period_in_days  = var.rotation_period_in_days
  deletion_window_in_days  = var.deletion_window_in_days
  multi_region             = var.multi_region
  policy                   = data.aws_iam_policy_document.this.json

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  region = var.region

  name          = "alias/${var.alias}"
  target_key_id = aws_kms_key.this.key_id
}
