data "aws_region" "current" {}

locals {
  region        = data.aws_region.current.region
  create_table  = var.dynamodb_lock_table != null
  state_objects = "${module.bucket.bucket_arn}/*"

  backend_config = merge(
    {
      bucket       = module.bucket.bucket_id
      key          = var.state_key
      region       = local.region
      encrypt      = true
      kms_key_id   = var.kms_key_arn
      use_lockfile = true
    },
    local.create_table ? { dynamodb_table = aws_dynamodb_table.this[0].name } : {},
  )
}

################################################################################
# State bucket: protected like a PHI bucket (state can hold secrets and resource metadata).
################################################################################

module "bucket" {
  source = "../s3_compliant"

  bucket_name      = var.bucket_name
  kms_key_arn      = var.kms_key_arn
  classification   = var.classification
  object_lock_mode = var.object_lock_mode
  retention_days   = var.retention_days
  access_logs      = var.access_logs
  force_destroy    = false

  tags = var.tags
}

################################################################################
# Optional DynamoDB lock table, for Terraform < 1.10 or while migrating to use_lockfile
# (DynamoDB locking is deprecated since Terraform 1.11).
################################################################################

resource "aws_dynamodb_table" "this" {
  count = local.create_table ? 1 : 0

  name                        = var.dynamodb_lock_table.name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "LockID"
  deletion_protection_enabled = true

  attribute {
    name = "LockID"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = var.tags
}

################################################################################
# Least-privilege policy for the principals that run Terraform against this backend.
################################################################################

data "aws_iam_policy_document" "access" {
  statement {
    sid       = "ListStateBucketOverTLS"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [module.bucket.bucket_arn]

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }

  statement {
    sid       = "ReadWriteStateOverTLS"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = [local.state_objects]

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }

  # use_lockfile writes <key>.tflock next to the state and deletes it on unlock.
  statement {
    sid       = "ReleaseLockFileOverTLS"
    effect    = "Allow"
    actions   = ["s3:DeleteObject"]
    resources = ["${module.bucket.bucket_arn}/*.tflock"]

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }

  statement {
    sid       = "UseStateKeyViaS3"
    effect    = "Allow"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }

  dynamic "statement" {
    for_each = local.create_table ? [aws_dynamodb_table.this[0].arn] : []

    content {
      sid       = "DynamoDbLockOverTLS"
      effect    = "Allow"
      actions   = ["dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem"]
      resources = [statement.value]

      condition {
        test     = "Bool"
        variable = "aws:SecureTransport"
        values   = ["true"]
      }
    }
  }
}

resource "aws_iam_policy" "this" {
  count = var.access_policy_name == null ? 0 : 1

  name        = var.access_policy_name
  description = "Read and write Terraform state in ${var.bucket_name} over TLS, with the state key only through S3."
  policy      = data.aws_iam_policy_document.access.json

  tags = var.tags
}
