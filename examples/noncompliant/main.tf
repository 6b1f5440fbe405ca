# A legacy patient-intake system, realistic and mostly hardened, with deliberate HIPAA gaps.
# Every gap is marked "# phiform: violates <rule-id>" on, or just above, what breaks the rule;
# everything else is meant to pass, so phiform must report exactly the marked failures.

provider "aws" {
  region = var.region
}

locals {
  account_id       = var.account_id
  root_arn         = "arn:aws:iam::${var.account_id}:root"
  trail_name       = "${var.name_prefix}-trail"
  trail_arn        = "arn:aws:cloudtrail:${var.region}:${var.account_id}:trail/${local.trail_name}"
  trail_log_group  = "/aws/cloudtrail/${local.trail_name}"
  intake_bucket    = "${var.name_prefix}-phi-intake-${var.account_id}"
  intake_logs      = "${var.name_prefix}-phi-intake-logs-${var.account_id}"
  exports_bucket   = "${var.name_prefix}-phi-exports-${var.account_id}"
  trail_bucket     = "${var.name_prefix}-cloudtrail-${var.account_id}"
  phi_tags         = { classification = "phi" }
  metric_namespace = "LegacyClinic/CloudTrailMetrics"

  # Key administration is delegated to IAM, management actions only.
  key_admin_actions = [
    "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey",
    "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListGrants",
    "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource",
    "kms:UpdateAlias", "kms:UpdateKeyDescription",
  ]

  alarms = {
    "root-usage" = {
      metric_name = "RootAccountUsage"
      pattern     = "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=\"AwsServiceEvent\"}"
      # phiform: violates cloudwatch-alarm-root-usage (the alarm has no action: nobody is notified)
      notify = false
    }
    "unauthorized-api-calls" = {
      metric_name = "UnauthorizedAPICalls"
      # phiform: violates cloudwatch-alarm-unauthorized-api-calls (no wildcards: not the CIS/Security Hub CloudWatch.2 pattern)
      pattern = "{($.errorCode=\"UnauthorizedOperation\") || ($.errorCode=\"AccessDenied\")}"
      notify  = true
    }
    "console-login-no-mfa" = {
      metric_name = "ConsoleSignInWithoutMfa"
      pattern     = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }"
      notify      = true
    }
    "iam-policy-changes" = {
      metric_name = "IAMPolicyChanges"
      pattern     = "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}"
      notify      = true
    }
    "cloudtrail-changes" = {
      metric_name = "CloudTrailConfigChanges"
      pattern     = "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}"
      notify      = true
    }
    "console-auth-failures" = {
      metric_name = "ConsoleSignInFailures"
      pattern     = "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}"
      notify      = true
    }
    "kms-key-deletion" = {
      metric_name = "DisableOrDeleteCMK"
      pattern     = "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}"
      notify      = true
    }
    "s3-bucket-policy-changes" = {
      metric_name = "S3BucketPolicyChanges"
      pattern     = "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}"
      notify      = true
    }
    "config-changes" = {
      metric_name = "AWSConfigChanges"
      pattern     = "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}"
      notify      = true
    }
    "security-group-changes" = {
      metric_name = "SecurityGroupChanges"
      pattern     = "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}"
      notify      = true
    }
    # phiform: violates cloudwatch-alarm-nacl-changes (no metric filter or alarm for nacl changes: CloudWatch.11 removed "to cut noise")
    "network-gateway-changes" = {
      metric_name = "NetworkGatewayChanges"
      pattern     = "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}"
      notify      = true
    }
    # phiform: violates cloudwatch-alarm-route-table-changes (no metric filter or alarm for route table changes: CloudWatch.13 removed "to cut noise")
    # phiform: violates cloudwatch-alarm-vpc-changes (no metric filter or alarm for vpc changes: CloudWatch.14 removed "to cut noise")
  }
}

################################################################################
# Account-level settings
################################################################################

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls = true
  # phiform: violates s3-account-public-access-block (turned off so the exports bucket policy below could be attached)
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_iam_account_password_policy" "this" {
  # phiform: violates iam-password-policy (8 characters, no reuse prevention, passwords never expire)
  minimum_password_length        = 8
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}

# phiform: violates ebs-default-encryption-cmk (no aws_ebs_default_kms_key: new volumes use the AWS managed aws/ebs key)
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

################################################################################
# Keys
################################################################################

module "kms_audit" {
  source = "../../modules/kms"

  alias                          = "${var.name_prefix}-audit"
  description                    = "Audit logs"
  key_administrator_arns         = [local.root_arn]
  cloudtrail_trail_arns          = [local.trail_arn]
  cloudwatch_logs_log_group_arns = ["arn:aws:logs:${var.region}:${var.account_id}:log-group:${local.trail_log_group}"]
}

data "aws_iam_policy_document" "intake_key" {
  statement {
    sid       = "KeyAdministration"
    effect    = "Allow"
    actions   = local.key_admin_actions
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [local.root_arn]
    }
  }

  statement {
    sid       = "KeyUsage"
    effect    = "Allow"
    actions   = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.intake_app.arn, aws_iam_role.export_reader.arn]
    }
  }
}

resource "aws_kms_key" "intake" {
  description = "Intake and export PHI"
  # phiform: violates kms-key-rotation (rotation was switched off during a migration and never re-enabled)
  enable_key_rotation = false
  # phiform: violates kms-key-deletion-window (7 days leaves little time to cancel an accidental deletion)
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.intake_key.json

  tags = local.phi_tags
}

resource "aws_kms_alias" "intake" {
  name          = "alias/${var.name_prefix}-intake"
  target_key_id = aws_kms_key.intake.key_id
}

data "aws_iam_policy_document" "records_key" {
  # phiform: violates kms-key-separation-of-duties (the administrators, including the DBA role, can also decrypt)
  statement {
    sid       = "KeyAdministration"
    effect    = "Allow"
    actions   = concat(local.key_admin_actions, ["kms:CreateGrant", "kms:Decrypt", "kms:GenerateDataKey*"])
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [local.root_arn, aws_iam_role.dba.arn]
    }
  }

  # phiform: violates kms-key-policy-no-public-access (any principal of any account may decrypt)
  statement {
    sid       = "LegacyReportingDecrypt"
    effect    = "Allow"
    actions   = ["kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_kms_key" "records" {
  description             = "Intake database"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.records_key.json

  tags = local.phi_tags
}

################################################################################
# PHI bucket: intake uploads
################################################################################

# phiform: violates s3-bucket-object-lock (created without Object Lock: intake files can be overwritten or deleted)
resource "aws_s3_bucket" "intake" {
  bucket = local.intake_bucket

  tags = local.phi_tags
}

resource "aws_s3_bucket_ownership_controls" "intake" {
  bucket = aws_s3_bucket.intake.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "intake" {
  bucket                  = aws_s3_bucket.intake.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "intake" {
  bucket = aws_s3_bucket.intake.id

  versioning_configuration {
    # phiform: violates s3-bucket-versioning (no prior versions to recover from)
    status = "Disabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "intake" {
  bucket = aws_s3_bucket.intake.id

  rule {
    apply_server_side_encryption_by_default {
      # phiform: violates s3-bucket-encryption-cmk (SSE-S3: not a customer-managed key)
      sse_algorithm = "AES256"
    }
  }
}

# phiform: violates s3-bucket-noncurrent-version-lifecycle (only current objects are transitioned; nothing acts on noncurrent versions)
resource "aws_s3_bucket_lifecycle_configuration" "intake" {
  bucket = aws_s3_bucket.intake.id

  rule {
    id     = "archive-after-90-days"
    status = "Enabled"

    filter {}

    transition {
      days          = 90
      storage_class = "STANDARD_IA"
    }
  }
}

resource "aws_s3_bucket_logging" "intake" {
  bucket        = aws_s3_bucket.intake.id
  target_bucket = aws_s3_bucket.intake_logs.id
  target_prefix = "access-logs/"
}

data "aws_iam_policy_document" "intake" {
  statement {
    sid       = "ForceTLSOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.intake.arn, "${aws_s3_bucket.intake.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "DenyTLSVersionBelow12"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.intake.arn, "${aws_s3_bucket.intake.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}

resource "aws_s3_bucket_policy" "intake" {
  bucket = aws_s3_bucket.intake.id
  policy = data.aws_iam_policy_document.intake.json
}

################################################################################
# Access-log bucket of the intake bucket
################################################################################

resource "aws_s3_bucket" "intake_logs" {
  bucket = local.intake_logs
}

resource "aws_s3_bucket_ownership_controls" "intake_logs" {
  bucket = aws_s3_bucket.intake_logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "intake_logs" {
  bucket                  = aws_s3_bucket.intake_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "intake_logs" {
  bucket = aws_s3_bucket.intake_logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "intake_logs" {
  bucket = aws_s3_bucket.intake_logs.id

  rule {
    apply_server_side_encryption_by_default {
      # phiform: violates s3-access-log-bucket-sse-s3 (SSE-KMS on a log target: S3 cannot deliver the access logs)
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.intake.arn
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "intake_logs" {
  bucket = aws_s3_bucket.intake_logs.id

  rule {
    id     = "access-log-retention"
    status = "Enabled"

    filter {}

    expiration {
      days = 2192
    }

    noncurrent_version_expiration {
      noncurrent_days = 30
    }
  }
}

data "aws_iam_policy_document" "intake_logs" {
  statement {
    sid       = "S3ServerAccessLogsPolicy"
    effect    = "Allow"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.intake_logs.arn}/access-logs/*"]

    principals {
      type        = "Service"
      identifiers = ["logging.s3.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = [aws_s3_bucket.intake.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }

  statement {
    sid       = "ForceTLSOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.intake_logs.arn, "${aws_s3_bucket.intake_logs.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "DenyTLSVersionBelow12"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.intake_logs.arn, "${aws_s3_bucket.intake_logs.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}

resource "aws_s3_bucket_policy" "intake_logs" {
  bucket = aws_s3_bucket.intake_logs.id
  policy = data.aws_iam_policy_document.intake_logs.json
}

################################################################################
# PHI bucket: exports shared with a billing partner
################################################################################

# phiform: violates s3-bucket-access-logging (no server access logging for the exports bucket)
resource "aws_s3_bucket" "exports" {
  bucket              = local.exports_bucket
  object_lock_enabled = true

  tags = local.phi_tags
}

resource "aws_s3_bucket_ownership_controls" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    # phiform: violates s3-bucket-acls-disabled (ACLs stay active for the partner's uploads)
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket             = aws_s3_bucket.exports.id
  block_public_acls  = true
  ignore_public_acls = true
  # phiform: violates s3-bucket-public-access-block (public bucket policies allowed and honoured)
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_versioning" "exports" {
  bucket = aws_s3_bucket.exports.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_object_lock_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 2192
    }
  }

  depends_on = [aws_s3_bucket_versioning.exports]
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.intake.arn
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    id     = "noncurrent-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_transition {
      noncurrent_days = 30
      storage_class   = "GLACIER"
    }

    noncurrent_version_expiration {
      noncurrent_days = 2192
    }
  }

  depends_on = [aws_s3_bucket_versioning.exports]
}

# phiform: violates s3-bucket-tls-only (no statement denies aws:SecureTransport = false)
# phiform: violates s3-bucket-min-tls-version (no statement denies s3:TlsVersion below 1.2)
data "aws_iam_policy_document" "exports" {
  # phiform: violates s3-bucket-policy-no-public-principal (anyone may list the bucket; TLS is not a restriction on who)
  statement {
    sid       = "PartnerListing"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.exports.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = data.aws_iam_policy_document.exports.json

  depends_on = [aws_s3_bucket_public_access_block.exports, aws_s3_account_public_access_block.this]
}

################################################################################
# IAM
################################################################################

data "aws_iam_policy_document" "intake_read" {
  statement {
    sid       = "ListIntakeOverTLS"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.intake.arn]

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }

  statement {
    sid       = "ReadIntakeOverTLS"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.intake.arn}/*"]

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_policy" "intake_read" {
  name   = "${var.name_prefix}-intake-read"
  policy = data.aws_iam_policy_document.intake_read.json
}

data "aws_iam_policy_document" "analytics" {
  # phiform: violates iam-no-wildcard-actions (s3:* on the PHI exports bucket)
  statement {
    sid       = "AnalyticsFullAccessOverTLS"
    effect    = "Allow"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.exports.arn, "${aws_s3_bucket.exports.arn}/*"]

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_policy" "analytics" {
  name   = "${var.name_prefix}-analytics"
  policy = data.aws_iam_policy_document.analytics.json
}

data "aws_iam_policy_document" "reporting" {
  # phiform: violates iam-no-data-access-on-all-resources (s3:GetObject on every object of every bucket)
  statement {
    sid       = "ReportingReadEverythingOverTLS"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["*"]

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_policy" "reporting" {
  name   = "${var.name_prefix}-reporting"
  policy = data.aws_iam_policy_document.reporting.json
}

data "aws_iam_policy_document" "export_reader" {
  statement {
    sid       = "ListExports"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.exports.arn]

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }

  # phiform: violates iam-phi-access-requires-tls (PHI objects readable over plain HTTP)
  statement {
    sid       = "ReadExports"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.exports.arn}/*"]
  }

  statement {
    sid       = "DecryptExportsViaS3"
    effect    = "Allow"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.intake.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${var.region}.amazonaws.com"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_policy" "export_reader" {
  name   = "${var.name_prefix}-export-reader"
  policy = data.aws_iam_policy_document.export_reader.json
}

data "aws_iam_policy_document" "ecs_tasks_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "intake_app" {
  name                 = "${var.name_prefix}-intake-app"
  assume_role_policy   = data.aws_iam_policy_document.ecs_tasks_trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy_attachment" "intake_app" {
  role       = aws_iam_role.intake_app.name
  policy_arn = aws_iam_policy.intake_read.arn
}

resource "aws_iam_role" "export_reader" {
  name                 = "${var.name_prefix}-export-reader"
  assume_role_policy   = data.aws_iam_policy_document.ecs_tasks_trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy_attachment" "export_reader" {
  role       = aws_iam_role.export_reader.name
  policy_arn = aws_iam_policy.export_reader.arn
}

# phiform: violates iam-human-role-requires-mfa (anyone in the account may assume it without MFA)
data "aws_iam_policy_document" "break_glass_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = [local.root_arn]
    }
  }
}

resource "aws_iam_role" "break_glass" {
  name                 = "${var.name_prefix}-break-glass"
  assume_role_policy   = data.aws_iam_policy_document.break_glass_trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy_attachment" "break_glass" {
  role       = aws_iam_role.break_glass.name
  policy_arn = aws_iam_policy.reporting.arn
}

data "aws_iam_policy_document" "dba_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = [local.root_arn]
    }

    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "aws:MultiFactorAuthAge"
      values   = ["3600"]
    }
  }
}

resource "aws_iam_role" "dba" {
  name               = "${var.name_prefix}-dba"
  assume_role_policy = data.aws_iam_policy_document.dba_trust.json
  # phiform: violates iam-privileged-role-session-duration (12-hour sessions for a database administrator)
  max_session_duration = 43200
}

resource "aws_iam_role_policy_attachment" "dba" {
  role       = aws_iam_role.dba.name
  policy_arn = aws_iam_policy.analytics.arn
}

resource "aws_iam_user" "etl" {
  name = "${var.name_prefix}-nightly-etl"
}

# phiform: violates iam-no-user-policies (a policy attached directly to an IAM user)
resource "aws_iam_user_policy_attachment" "etl" {
  user       = aws_iam_user.etl.name
  policy_arn = aws_iam_policy.intake_read.arn
}

################################################################################
# CloudTrail
################################################################################

# phiform: violates cloudtrail-bucket-protected (the trail bucket is not versioned: log files can be overwritten)
resource "aws_s3_bucket" "trail" {
  bucket = local.trail_bucket
}

resource "aws_s3_bucket_ownership_controls" "trail" {
  bucket = aws_s3_bucket.trail.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "trail" {
  bucket = aws_s3_bucket.trail.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = module.kms_audit.key_arn
    }
  }
}

data "aws_iam_policy_document" "trail_bucket" {
  statement {
    sid       = "AWSCloudTrailAclCheck"
    effect    = "Allow"
    actions   = ["s3:GetBucketAcl"]
    resources = [aws_s3_bucket.trail.arn]

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
    resources = ["${aws_s3_bucket.trail.arn}/AWSLogs/${local.account_id}/*"]

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

  statement {
    sid       = "ForceTLSOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.trail.arn, "${aws_s3_bucket.trail.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "trail" {
  bucket = aws_s3_bucket.trail.id
  policy = data.aws_iam_policy_document.trail_bucket.json
}

resource "aws_cloudwatch_log_group" "cloudtrail" {
  name              = local.trail_log_group
  retention_in_days = 2192
  kms_key_id        = module.kms_audit.key_arn
}

data "aws_iam_policy_document" "cloudtrail_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "cloudtrail" {
  name                 = "${var.name_prefix}-cloudtrail-to-cloudwatch"
  assume_role_policy   = data.aws_iam_policy_document.cloudtrail_trust.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "cloudtrail_delivery" {
  statement {
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.cloudtrail.arn}:log-stream:*"]
  }
}

resource "aws_iam_role_policy" "cloudtrail" {
  name   = "cloudtrail-to-cloudwatch-logs"
  role   = aws_iam_role.cloudtrail.id
  policy = data.aws_iam_policy_document.cloudtrail_delivery.json
}

# phiform: violates cloudtrail-kms-encryption (no kms_key_id: log files only get the bucket's default encryption)
resource "aws_cloudtrail" "this" {
  name                          = local.trail_name
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  include_global_service_events = true
  # phiform: violates cloudtrail-log-file-validation (no digest files: tampering with logs goes unnoticed)
  enable_log_file_validation = false
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.cloudtrail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.cloudtrail.arn

  advanced_event_selector {
    name = "Management events"

    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  advanced_event_selector {
    name = "S3 object events"

    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }

    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }

    # phiform: violates cloudtrail-s3-data-events (only the exports bucket is covered, not the intake PHI bucket)
    field_selector {
      field       = "resources.ARN"
      starts_with = ["${aws_s3_bucket.exports.arn}/"]
    }
  }

  depends_on = [aws_s3_bucket_policy.trail, aws_iam_role_policy.cloudtrail]
}

################################################################################
# Monitoring
################################################################################

# phiform: violates sns-topic-kms (alarm notifications are stored unencrypted)
resource "aws_sns_topic" "alarms" {
  name = "${var.name_prefix}-security-alarms"
}

data "aws_iam_policy_document" "alarms_topic" {
  statement {
    sid       = "AllowCloudWatchAlarmsToPublish"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudwatch:${var.region}:${local.account_id}:alarm:*"]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.alarms_topic.json
}

resource "aws_sns_topic_subscription" "security" {
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.security_email
}

resource "aws_cloudwatch_log_metric_filter" "this" {
  for_each = local.alarms

  name           = "${var.name_prefix}-${each.key}"
  log_group_name = aws_cloudwatch_log_group.cloudtrail.name
  pattern        = each.value.pattern

  metric_transformation {
    name      = each.value.metric_name
    namespace = local.metric_namespace
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name          = "${var.name_prefix}-${each.key}"
  namespace           = local.metric_namespace
  metric_name         = each.value.metric_name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = each.value.notify ? [aws_sns_topic.alarms.arn] : []

  depends_on = [aws_cloudwatch_log_metric_filter.this]
}

# phiform: violates cloudwatch-log-group-kms (no kms_key_id: encrypted only with the service key)
resource "aws_cloudwatch_log_group" "intake_api" {
  name = "/${var.name_prefix}/intake-api"
  # phiform: violates cloudwatch-log-group-retention (30 days: application logs with PHI are gone before an audit asks)
  retention_in_days = 30
}

################################################################################
# Network
################################################################################

# phiform: violates vpc-flow-logs (no flow log on the intake VPC)
resource "aws_vpc" "this" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "${var.name_prefix}-intake" }
}

resource "aws_subnet" "private" {
  count = length(var.availability_zones)

  vpc_id                  = aws_vpc.this.id
  availability_zone       = var.availability_zones[count.index]
  cidr_block              = cidrsubnet(var.vpc_cidr, 4, count.index)
  map_public_ip_on_launch = false

  tags = { Name = "${var.name_prefix}-private-${var.availability_zones[count.index]}" }
}

resource "aws_security_group" "db" {
  name        = "${var.name_prefix}-intake-db"
  description = "Intake database: PostgreSQL from the VPC"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "db_postgres" {
  security_group_id = aws_security_group.db.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_security_group" "portal" {
  name        = "${var.name_prefix}-portal"
  description = "Patient portal load balancer"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "portal_https" {
  security_group_id = aws_security_group.portal.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_security_group_ingress_rule" "portal_http" {
  security_group_id = aws_security_group.portal.id
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = var.vpc_cidr
}

################################################################################
# Databases
################################################################################

resource "aws_db_subnet_group" "this" {
  name       = "${var.name_prefix}-intake"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_db_instance" "intake" {
  identifier                          = "${var.name_prefix}-intake"
  engine                              = "postgres"
  engine_version                      = "16.4"
  instance_class                      = "db.m6g.large"
  allocated_storage                   = 100
  username                            = "intake"
  storage_encrypted                   = true
  kms_key_id                          = aws_kms_key.records.arn
  multi_az                            = true
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  db_subnet_group_name                = aws_db_subnet_group.this.name
  vpc_security_group_ids              = [aws_security_group.db.id]
  final_snapshot_identifier           = "${var.name_prefix}-intake-final"
  # phiform: violates rds-no-plaintext-password (a literal master password ends up in code and state)
  password = "Intake-2019-legacy"
  # phiform: violates rds-not-publicly-accessible (the database gets a public DNS name)
  publicly_accessible = true
  # phiform: violates rds-backup-retention (one day of backups)
  backup_retention_period = 1

  tags = local.phi_tags
}

resource "aws_db_instance" "reporting" {
  identifier                    = "${var.name_prefix}-reporting"
  engine                        = "postgres"
  engine_version                = "16.4"
  instance_class                = "db.t4g.medium"
  allocated_storage             = 50
  username                      = "reporting"
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.records.arn
  publicly_accessible           = false
  backup_retention_period       = 7
  db_subnet_group_name          = aws_db_subnet_group.this.name
  vpc_security_group_ids        = [aws_security_group.db.id]
  final_snapshot_identifier     = "${var.name_prefix}-reporting-final"
  # phiform: violates rds-storage-encrypted-cmk (storage not encrypted)
  storage_encrypted = false
  # phiform: violates rds-multi-az (single Availability Zone)
  multi_az = false
  # phiform: violates rds-deletion-protection (one API call deletes it)
  deletion_protection = false
  # phiform: violates rds-iam-authentication (database passwords only)
  iam_database_authentication_enabled = false

  tags = local.phi_tags
}

resource "aws_dynamodb_table" "intake_sessions" {
  name         = "${var.name_prefix}-intake-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "SessionId"

  attribute {
    name = "SessionId"
    type = "S"
  }

  # phiform: violates dynamodb-table-cmk (AWS owned key instead of a customer-managed key)
  server_side_encryption {
    enabled = false
  }

  # phiform: violates dynamodb-table-pitr (no point-in-time recovery)
  point_in_time_recovery {
    enabled = false
  }

  tags = local.phi_tags
}

################################################################################
# Patient portal load balancer
################################################################################

resource "aws_lb" "portal" {
  name               = "${var.name_prefix}-portal"
  load_balancer_type = "application"
  internal           = true
  subnets            = aws_subnet.private[*].id
  security_groups    = [aws_security_group.portal.id]
  # phiform: violates elb-drop-invalid-headers (malformed headers reach the application)
  drop_invalid_header_fields = false
  enable_deletion_protection = true
}

resource "aws_lb_target_group" "portal" {
  name        = "${var.name_prefix}-portal"
  port        = 443
  protocol    = "HTTPS"
  target_type = "ip"
  vpc_id      = aws_vpc.this.id

  health_check {
    enabled  = true
    protocol = "HTTPS"
    path     = "/health"
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  # phiform: violates elb-listener-tls (ELBSecurityPolicy-2016-08 still accepts TLS 1.0 and 1.1)
  ssl_policy      = "ELBSecurityPolicy-2016-08"
  certificate_arn = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.portal.arn
  }
}

# phiform: violates elb-http-redirects-to-https (plain HTTP is forwarded to the application)
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.portal.arn
  }
}
