variable "name" {
  description = "Name of the trail."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$", var.name))
    error_message = "name must be 3-128 characters of letters, digits, '.', '_' or '-', starting with a letter or digit (CloudTrail naming rules)."
  }
}

variable "kms_key_arn" {
  description = "Customer-managed key for log files, digest files and (by default) the CloudWatch Logs group. Its policy must name this trail (kms module: cloudtrail_trail_arns = [trail_arn output]) and the log group (cloudwatch_logs_log_group_arns = [log_group_arn output])."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a customer-managed key ARN (arn:<partition>:kms:<region>:<account>:key/<id>): audit logs of PHI access are encrypted with a key you control (HIPAA 164.312(b), HITRUST 09.ac)."
  }
}

variable "bucket_name" {
  description = "Name of the trail bucket (created here with Object Lock, versioning, SSE-KMS, public access block, TLS-only policy and access logging)."
  type        = string
}

variable "bucket_classification" {
  description = "classification tag of the trail bucket. Not phi by default: the trail bucket is an audit sink and must stay out of S3 data events."
  type        = string
  default     = "audit-log"
}

variable "bucket_object_lock_mode" {
  description = "Object Lock mode for trail log and digest files (GOVERNANCE or COMPLIANCE)."
  type        = string
  default     = "GOVERNANCE"

  validation {
    condition     = contains(["GOVERNANCE", "COMPLIANCE"], var.bucket_object_lock_mode)
    error_message = "bucket_object_lock_mode must be GOVERNANCE or COMPLIANCE: audit logs must be protected from alteration (HIPAA 164.312(c)(1), HITRUST 09.ac)."
  }
}

variable "bucket_retention_days" {
  description = "Object Lock retention of trail files in days; default 2192 = 6 years (HIPAA 164.316(b)(2)(i))."
  type        = number
  default     = 2192

  validation {
    condition     = var.bucket_retention_days >= 365 && floor(var.bucket_retention_days) == var.bucket_retention_days
    error_message = "bucket_retention_days must be a whole number of at least 365: audit logs are evidence for HIPAA 164.312(b); keep 2192 (6 years) unless policy says otherwise."
  }
}

variable "bucket_access_logs" {
  description = "Server access logging of the trail bucket (see s3_compliant access_logs). By default a dedicated <bucket_name>-logs bucket is created."
  type = object({
    bucket_name                = optional(string)
    target_bucket              = optional(string)
    target_prefix              = optional(string, "access-logs/")
    retention_days             = optional(number, 2192)
    transition_to_glacier_days = optional(number, 90)
  })
  default  = {}
  nullable = false
}

variable "bucket_force_destroy" {
  description = "Allow Terraform to delete a non-empty trail bucket (Object Lock still protects locked versions)."
  type        = bool
  default     = false
}

variable "s3_key_prefix" {
  description = "Optional key prefix for trail files (no leading or trailing slash)."
  type        = string
  default     = null

  validation {
    condition     = var.s3_key_prefix == null || can(regex("^[^/].*[^/]$|^[^/]$", var.s3_key_prefix))
    error_message = "s3_key_prefix must not start or end with '/'."
  }
}

variable "organization_id" {
  description = "AWS Organizations id (o-...) to make this an organization trail from the management account; null for an account trail."
  type        = string
  default     = null

  validation {
    condition     = var.organization_id == null || can(regex("^o-[a-z0-9]{10,32}$", var.organization_id))
    error_message = "organization_id must look like o-xxxxxxxxxx."
  }
}

variable "cloudwatch_logs" {
  description = "CloudWatch Logs delivery: log group name (default /aws/cloudtrail/<name>), retention (default 2192 days) and key (default kms_key_arn)."
  type = object({
    log_group_name    = optional(string)
    retention_in_days = optional(number, 2192)
    kms_key_arn       = optional(string)
  })
  default  = {}
  nullable = false

  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.cloudwatch_logs.retention_in_days)
    error_message = "cloudwatch_logs.retention_in_days must be a CloudWatch Logs retention value of at least 365 (365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653); HIPAA keeps documentation 6 years, so 2192 is the default."
  }
}

variable "data_event_bucket_arns" {
  description = "PHI bucket ARNs whose object-level (data) events the trail records, reads and writes (HIPAA 164.312(b)). Must not include the trail bucket or log buckets."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.data_event_bucket_arns : can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", arn))])
    error_message = "data_event_bucket_arns must be bucket ARNs (arn:<partition>:s3:::<bucket>) without wildcards or object paths."
  }
}

variable "excluded_data_event_bucket_arns" {
  description = "Further log-sink buckets (e.g. other access-log buckets) that must never be in data_event_bucket_arns. The trail bucket and its access-log bucket are always excluded."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
