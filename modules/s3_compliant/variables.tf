variable "bucket_name" {
  description = "Name of the PHI bucket."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name)) && !can(regex("\\.\\.|^\\d+\\.\\d+\\.\\d+\\.\\d+$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name: 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit."
  }
}

variable "kms_key_arn" {
  description = "ARN of the customer-managed KMS key for default encryption (SSE-KMS). The AWS managed aws/s3 key is not accepted."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be the ARN of a customer-managed key (arn:<partition>:kms:<region>:<account>:key/<id>), not an alias or alias/aws/s3: HIPAA 164.312(a)(2)(iv) encryption at rest with a key you control."
  }
}

variable "bucket_key_enabled" {
  description = "Use an S3 Bucket Key to cut KMS requests. Disable only where a service cannot work with it (e.g. the CloudTrail bucket)."
  type        = bool
  default     = true
}

variable "object_lock_mode" {
  description = "Default Object Lock retention mode: GOVERNANCE (privileged override possible) or COMPLIANCE (no one can shorten it)."
  type        = string
  default     = "GOVERNANCE"

  validation {
    condition     = contains(["GOVERNANCE", "COMPLIANCE"], var.object_lock_mode)
    error_message = "object_lock_mode must be GOVERNANCE or COMPLIANCE; Object Lock protects PHI against alteration and destruction (HIPAA 164.312(c)(1))."
  }
}

variable "retention_days" {
  description = "Default Object Lock retention in days for every object version; noncurrent versions expire after it. Default 2192 days = 6 years (HIPAA 164.316(b)(2)(i))."
  type        = number
  default     = 2192

  validation {
    condition     = var.retention_days >= 1 && floor(var.retention_days) == var.retention_days
    error_message = "retention_days must be a whole number of at least 1; HIPAA 164.312(c)(1) requires protecting PHI from improper alteration or destruction, which needs a retention period."
  }
}

variable "noncurrent_version_transition_days" {
  description = "Days after an object version becomes noncurrent before it moves to noncurrent_version_storage_class."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_version_transition_days >= 1 && var.noncurrent_version_transition_days < var.retention_days
    error_message = "noncurrent_version_transition_days must be at least 1 and less than retention_days, so versions are archived before they expire."
  }
}

variable "noncurrent_version_storage_class" {
  description = "Storage class for noncurrent versions."
  type        = string
  default     = "GLACIER"

  validation {
    condition     = contains(["GLACIER", "DEEP_ARCHIVE", "GLACIER_IR", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING"], var.noncurrent_version_storage_class)
    error_message = "noncurrent_version_storage_class must be one of GLACIER, DEEP_ARCHIVE, GLACIER_IR, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING."
  }
}

variable "deny_other_kms_keys" {
  description = "Deny PutObject requests that do not name kms_key_arn in x-amz-server-side-encryption-aws-kms-key-id (a missing header is denied too)."
  type        = bool
  default     = true
}

variable "policy_documents" {
  description = "Additional IAM policy JSON documents merged into the bucket policy (e.g. the CloudTrail delivery statements). Their statement ids must differ from this module's."
  type        = list(string)
  default     = []
}

variable "access_logs" {
  description = "Server access logging. By default a dedicated log bucket (<bucket_name>-logs: SSE-S3, no Object Lock, ACLs disabled, delivery by bucket policy) is created; set target_bucket to log to an existing log bucket instead."
  type = object({
    bucket_name                = optional(string)
    target_bucket              = optional(string)
    target_prefix              = optional(string, "access-logs/")
    retention_days             = optional(number, 2192)
    transition_to_glacier_days = optional(number, 90)
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.access_logs.target_bucket != var.bucket_name
    error_message = "access_logs.target_bucket must be a different bucket: S3 must not deliver a bucket's access logs into itself."
  }

  validation {
    condition     = var.access_logs.retention_days >= 365 && var.access_logs.transition_to_glacier_days >= 1 && var.access_logs.transition_to_glacier_days < var.access_logs.retention_days
    error_message = "access_logs.retention_days must be at least 365 (audit logs, HIPAA 164.312(b)), and transition_to_glacier_days must be at least 1 and less than retention_days."
  }

  validation {
    condition     = can(regex("^([A-Za-z0-9!_.*'()-]+/)*$", var.access_logs.target_prefix))
    error_message = "access_logs.target_prefix must be empty or end with '/', e.g. \"access-logs/\"."
  }
}

variable "replication" {
  description = "Optional cross-region replication to another s3_compliant bucket (versioned, Object Lock enabled). The created role must be a key user of kms_key_arn and replication_kms_key_arn."
  type = object({
    destination_bucket_arn = string
    storage_class          = optional(string, "STANDARD")
    destination_account_id = optional(string)
  })
  default = null

  validation {
    condition     = var.replication == null || can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.replication.destination_bucket_arn))
    error_message = "replication.destination_bucket_arn must be a bucket ARN (arn:<partition>:s3:::<bucket>)."
  }
}

# Separate from var.replication so the replication role never depends on the destination key (whose policy names the role).
variable "replication_kms_key_arn" {
  description = "Customer-managed key in the destination Region that encrypts the replicas; required with replication."
  type        = string
  default     = null

  validation {
    condition     = var.replication == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.replication_kms_key_arn))
    error_message = "replication_kms_key_arn must be the ARN of a customer-managed key in the destination Region when replication is set: replicas of PHI stay encrypted with a key you control."
  }
}

variable "classification" {
  description = "Value of the classification tag that marks the bucket as PHI for phiform (phi or ephi)."
  type        = string
  default     = "phi"

  validation {
    condition     = length(trimspace(var.classification)) > 0
    error_message = "classification must not be empty: it is the tag phiform uses to find PHI resources."
  }
}

variable "force_destroy" {
  description = "Allow Terraform to delete non-empty buckets. Object Lock still protects locked versions."
  type        = bool
  default     = false
}

variable "region" {
  description = "Region for the buckets (AWS provider 6 per-resource region); null uses the provider's Region."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for every resource; the PHI bucket also gets classification = var.classification."
  type        = map(string)
  default     = {}
}
