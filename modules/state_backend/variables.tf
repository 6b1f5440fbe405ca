variable "bucket_name" {
  description = "Name of the Terraform state bucket."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer-managed key for the state bucket (and the lock table). Principals running Terraform must be its key users."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a customer-managed key ARN (arn:<partition>:kms:<region>:<account>:key/<id>): state holds secrets and resource metadata, encrypt it with a key you control (HIPAA 164.312(a)(2)(iv))."
  }
}

variable "state_key" {
  description = "Object key of the state file, used in the backend configuration snippet."
  type        = string
  default     = "terraform.tfstate"

  validation {
    condition     = length(var.state_key) > 0 && !startswith(var.state_key, "/") && !endswith(var.state_key, "/")
    error_message = "state_key must be a non-empty object key without a leading or trailing '/', e.g. \"prod/terraform.tfstate\"."
  }
}

variable "object_lock_mode" {
  description = "Object Lock mode protecting state versions (GOVERNANCE or COMPLIANCE)."
  type        = string
  default     = "GOVERNANCE"

  validation {
    condition     = contains(["GOVERNANCE", "COMPLIANCE"], var.object_lock_mode)
    error_message = "object_lock_mode must be GOVERNANCE or COMPLIANCE: state versions are protected from alteration and deletion (HIPAA 164.312(c)(1))."
  }
}

variable "retention_days" {
  description = "Object Lock retention of each state version in days; noncurrent versions expire after it."
  type        = number
  default     = 365

  validation {
    condition     = var.retention_days > 30 && floor(var.retention_days) == var.retention_days
    error_message = "retention_days must be a whole number above 30 (noncurrent state versions move to Glacier after 30 days, before they expire): earlier state versions are the recovery path after a bad apply (HIPAA 164.308(a)(7)(ii)(A))."
  }
}

variable "access_logs" {
  description = "Server access logging of the state bucket (see s3_compliant access_logs); a dedicated <bucket_name>-logs bucket by default."
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

variable "dynamodb_lock_table" {
  description = "Optional DynamoDB lock table (CMK-encrypted, point-in-time recovery) for Terraform older than 1.10; use_lockfile is always on."
  type = object({
    name = string
  })
  default = null
}

variable "access_policy_name" {
  description = "Name of an IAM policy granting least-privilege access to the state (attach it to the CI/CD roles); null to skip."
  type        = string
  default     = null
}

variable "classification" {
  description = "classification tag of the state bucket; phi by default because state is in PHI scope."
  type        = string
  default     = "phi"
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
