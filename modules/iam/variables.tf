variable "name_prefix" {
  description = "Prefix for the policy names (<prefix>-read-only, <prefix>-read-write)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,100}$", var.name_prefix))
    error_message = "name_prefix must be 1-100 characters of letters, digits and +=,.@_- (IAM name rules)."
  }
}

variable "bucket_arns" {
  description = "ARNs of the PHI buckets the policies grant access to (no wildcards)."
  type        = list(string)

  validation {
    condition     = length(var.bucket_arns) > 0 && alltrue([for arn in var.bucket_arns : can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", arn))])
    error_message = "bucket_arns must list at least one bucket ARN (arn:<partition>:s3:::<bucket>) without wildcards: least privilege scopes PHI access to named buckets (HIPAA 164.308(a)(4)(ii)(B))."
  }
}

variable "bucket_regions" {
  description = "Regions of the PHI buckets, for the kms:ViaService condition (s3.<region>.amazonaws.com). Empty means the provider's Region."
  type        = list(string)
  default     = []
}

variable "kms_key_arn" {
  description = "ARN of the one customer-managed key encrypting the PHI buckets. The roles must also be key users in the key policy."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>), never \"*\": data-plane KMS actions stay on the one PHI key."
  }
}

variable "object_tag_condition" {
  description = "Optional attribute-based restriction: readers may only get objects carrying this tag, writers must set it (seed 001 pattern, e.g. classification = phi)."
  type = object({
    key   = optional(string, "classification")
    value = optional(string, "phi")
  })
  default = null
}

variable "operator_role" {
  description = "Operator role for people. Its trust requires aws:MultiFactorAuthPresent and an MFA age below mfa_max_age_seconds; access is read-only or read-write."
  type = object({
    name                   = string
    trusted_principal_arns = list(string)
    access                 = optional(string, "read-only")
    mfa_max_age_seconds    = optional(number, 3600)
    max_session_duration   = optional(number, 3600)
  })
  default = null

  validation {
    condition     = var.operator_role == null || contains(["read-only", "read-write"], try(var.operator_role.access, ""))
    error_message = "operator_role.access must be \"read-only\" or \"read-write\"."
  }

  validation {
    condition     = var.operator_role == null || try(var.operator_role.max_session_duration >= 900 && var.operator_role.max_session_duration <= 3600, false)
    error_message = "operator_role.max_session_duration must be 900-3600 seconds: privileged PHI sessions last at most one hour (HIPAA 164.312(a)(2)(iii) automatic logoff)."
  }

  validation {
    condition     = var.operator_role == null || try(var.operator_role.mfa_max_age_seconds >= 60 && var.operator_role.mfa_max_age_seconds <= 3600, false)
    error_message = "operator_role.mfa_max_age_seconds must be 60-3600: the MFA sign-in must be recent (HIPAA 164.312(d) person or entity authentication)."
  }

  validation {
    condition     = var.operator_role == null || try(length(var.operator_role.trusted_principal_arns) > 0 && alltrue([for arn in var.operator_role.trusted_principal_arns : arn != "*" && can(regex("^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:", arn))]), false)
    error_message = "operator_role.trusted_principal_arns must list IAM ARNs, never \"*\": only named people or groups of roles may assume the PHI operator role."
  }
}

variable "workload_roles" {
  description = "Roles for AWS services that process PHI, keyed by role name. restrict_source_account adds aws:SourceAccount to the trust (supported by e.g. ecs-tasks; turn off for services that do not send it)."
  type = map(object({
    service_principals      = list(string)
    access                  = optional(string, "read-only")
    restrict_source_account = optional(bool, true)
  }))
  default = {}

  validation {
    condition     = alltrue([for k, v in var.workload_roles : contains(["read-only", "read-write"], v.access) && length(v.service_principals) > 0 && alltrue([for p in v.service_principals : endswith(p, ".amazonaws.com")])])
    error_message = "Each workload role needs access \"read-only\" or \"read-write\" and AWS service principals (*.amazonaws.com); people use the MFA-gated operator role instead."
  }
}

variable "tags" {
  description = "Tags for the policies and roles."
  type        = map(string)
  default     = {}
}
