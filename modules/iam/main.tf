data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id

  bucket_object_arns = [for arn in var.bucket_arns : "${arn}/*"]
  s3_via_services    = [for region in coalescelist(var.bucket_regions, [data.aws_region.current.region]) : "s3.${region}.amazonaws.com"]

  policy_arns = {
    read-only  = aws_iam_policy.read_only.arn
    read-write = aws_iam_policy.read_write.arn
  }
}

################################################################################
# Least-privilege PHI access policies (seed 001): named buckets only, TLS only,
# the one PHI key only and only through S3.
################################################################################

data "aws_iam_policy_document" "read_only" {
  statement {
    sid       = "ListBucketOverTLS"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = var.bucket_arns

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }

  statement {
    sid       = "GetObjectOverTLS"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = local.bucket_object_arns

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }

    dynamic "condition" {
      for_each = var.object_tag_condition == null ? [] : [var.object_tag_condition]

      content {
        test     = "StringEquals"
        variable = "s3:ExistingObjectTag/${condition.value.key}"
        values   = [condition.value.value]
      }
    }
  }

  statement {
    sid       = "DecryptWithPhiKeyViaS3"
    effect    = "Allow"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = local.s3_via_services
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_policy" "read_only" {
  name        = "${var.name_prefix}-read-only"
  description = "Read PHI objects from the named buckets over TLS, decrypting only through S3."
  policy      = data.aws_iam_policy_document.read_only.json

  tags = var.tags
}

data "aws_iam_policy_document" "read_write" {
  statement {
    sid       = "ListBucketOverTLS"
    effect    = "Allow"
    actions   = ["s3:ListBucket", "s3:ListBucketMultipartUploads"]
    resources = var.bucket_arns

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }

  statement {
    sid       = "GetObjectOverTLS"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = local.bucket_object_arns

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }

    dynamic "condition" {
      for_each = var.object_tag_condition == null ? [] : [var.object_tag_condition]

      content {
        test     = "StringEquals"
        variable = "s3:ExistingObjectTag/${condition.value.key}"
        values   = [condition.value.value]
      }
    }
  }

  # With a tag condition, writers must tag what they write so that readers can read it.
  statement {
    sid       = "PutObjectOverTLS"
    effect    = "Allow"
    actions   = concat(["s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:PutObject"], var.object_tag_condition == null ? [] : ["s3:PutObjectTagging"])
    resources = local.bucket_object_arns

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }

    dynamic "condition" {
      for_each = var.object_tag_condition == null ? [] : [var.object_tag_condition]

      content {
        test     = "StringEquals"
        variable = "s3:RequestObjectTag/${condition.value.key}"
        values   = [condition.value.value]
      }
    }
  }

  statement {
    sid       = "UsePhiKeyViaS3"
    effect    = "Allow"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = local.s3_via_services
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_policy" "read_write" {
  name        = "${var.name_prefix}-read-write"
  description = "Read and write PHI objects in the named buckets over TLS, using the PHI key only through S3. No delete."
  policy      = data.aws_iam_policy_document.read_write.json

  tags = var.tags
}

################################################################################
# Operator role for people: MFA required and recent, one-hour sessions.
################################################################################

data "aws_iam_policy_document" "operator_trust" {
  count = var.operator_role == null ? 0 : 1

  statement {
    sid     = "AssumeWithRecentMfa"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = var.operator_role.trusted_principal_arns
    }

    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "aws:MultiFactorAuthAge"
      values   = [tostring(var.operator_role.mfa_max_age_seconds)]
    }
  }
}

resource "aws_iam_role" "operator" {
  count = var.operator_role == null ? 0 : 1

  name                 = var.operator_role.name
  description          = "PHI operator (${var.operator_role.access}); assumable only with MFA."
  assume_role_policy   = data.aws_iam_policy_document.operator_trust[0].json
  max_session_duration = var.operator_role.max_session_duration

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "operator" {
  count = var.operator_role == null ? 0 : 1

  role       = aws_iam_role.operator[0].name
  policy_arn = local.policy_arns[var.operator_role.access]
}

################################################################################
# Workload roles for AWS services (ECS tasks, Lambda, EC2): no human principals.
################################################################################

data "aws_iam_policy_document" "workload_trust" {
  for_each = var.workload_roles

  statement {
    sid     = "AssumeByService"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = each.value.service_principals
    }

    dynamic "condition" {
      for_each = each.value.restrict_source_account ? [local.account_id] : []

      content {
        test     = "StringEquals"
        variable = "aws:SourceAccount"
        values   = [condition.value]
      }
    }
  }
}

resource "aws_iam_role" "workload" {
  for_each = var.workload_roles

  name                 = each.key
  description          = "PHI workload (${each.value.access}) for ${join(", ", each.value.service_principals)}."
  assume_role_policy   = data.aws_iam_policy_document.workload_trust[each.key].json
  max_session_duration = 3600

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "workload" {
  for_each = var.workload_roles

  role       = aws_iam_role.workload[each.key].name
  policy_arn = local.policy_arns[each.value.access]
}
