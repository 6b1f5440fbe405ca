variable "alias" {
  description = "Alias name without the alias/ prefix, e.g. \"phi-data\"."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9/_-]{1,250}$", var.alias)) && !startswith(var.alias, "aws/") && !startswith(var.alias, "alias/")
    error_message = "alias must be 1-250 characters of letters, digits, '/', '_' or '-', without the alias/ prefix and not starting with aws/ (reserved for AWS managed keys)."
  }
}

variable "description" {
  description = "Description of the key: what it protects."
  type        = string
  default     = "Customer-managed key for protected health information (PHI)"
}

variable "key_administrator_arns" {
  description = "IAM principals that manage the key (policy, rotation, deletion) but cannot encrypt or decrypt with it. Include the role that runs Terraform or the account root (arn:<partition>:iam::<account>:root, delegating administration to IAM policies), or KMS rejects the policy as a lockout."
  type        = list(string)

  validation {
    condition     = length(var.key_administrator_arns) > 0
    error_message = "key_administrator_arns must name at least one principal; without one the key cannot be managed (HIPAA 164.308(a)(4)(ii)(B))."
  }

  validation {
    condition     = alltrue([for arn in var.key_administrator_arns : arn != "*" && can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:", arn))])
    error_message = "key_administrator_arns must be IAM ARNs (arn:<partition>:iam::<account>:...), never \"*\": a wildcard administrator makes the key public."
  }
}

variable "key_user_arns" {
  description = "IAM principals allowed to use the key for data (Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey). Must not overlap key_administrator_arns."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.key_user_arns : arn != "*" && can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:", arn))])
    error_message = "key_user_arns must be IAM ARNs (arn:<partition>:iam::<account>:...), never \"*\": a wildcard user makes the key public."
  }

  validation {
    condition     = length(setintersection(toset(var.key_user_arns), toset(var.key_administrator_arns))) == 0
    error_message = "key_user_arns and key_administrator_arns must be different principals: administrators manage the key, users use it (separation of duties, HIPAA 164.308(a)(4)(ii)(B)). Remove the overlap."
  }
}

variable "key_service_user_arns" {
  description = "IAM principals (e.g. the Terraform role creating RDS, EBS or DynamoDB resources) allowed only to create grants for AWS resources (kms:GrantIsForAWSResource) and describe the key; no direct data use."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.key_service_user_arns : arn != "*" && can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:", arn))])
    error_message = "key_service_user_arns must be IAM ARNs (arn:<partition>:iam::<account>:...), never \"*\"."
  }
}

variable "deletion_window_in_days" {
  description = "Days a scheduled deletion waits before the key is destroyed (7-30)."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30 && floor(var.deletion_window_in_days) == var.deletion_window_in_days
    error_message = "deletion_window_in_days must be a whole number from 7 to 30; keep 30 so an accidental deletion of the key protecting PHI can be cancelled."
  }
}

variable "rotation_period_in_days" {
  description = "Days between automatic rotations of the key material (rotation is always enabled)."
  type        = number
  default     = 365

  validation {
    condition     = var.rotation_period_in_days >= 90 && var.rotation_period_in_days <= 365 && floor(var.rotation_period_in_days) == var.rotation_period_in_days
    error_message = "rotation_period_in_days must be a whole number from 90 to 365: KMS accepts no less than 90, and HITRUST 10.g key management expects at least yearly rotation."
  }
}

variable "multi_region" {
  description = "Create a multi-Region primary key (for replicating encrypted data with the same key material)."
  type        = bool
  default     = false
}

variable "cloudtrail_trail_arns" {
  description = "Trail ARNs allowed to encrypt log and digest files with this key (statement conditioned on aws:SourceArn). Use the predictable ARN arn:<partition>:cloudtrail:<region>:<account>:trail/<name> to avoid a cycle."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.cloudtrail_trail_arns : can(regex("^arn:aws[a-z-]*:cloudtrail:[a-z0-9-]+:[0-9]{12}:trail/[A-Za-z0-9._-]+$", arn))])
    error_message = "cloudtrail_trail_arns must be full trail ARNs (arn:<partition>:cloudtrail:<region>:<account>:trail/<name>); AWS recommends aws:SourceArn with the exact trail."
  }
}

variable "cloudtrail_log_reader_arns" {
  description = "IAM principals (auditors) allowed to decrypt CloudTrail log and digest files, limited to this account and CloudTrail's encryption context."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.cloudtrail_log_reader_arns : arn != "*" && can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:", arn))])
    error_message = "cloudtrail_log_reader_arns must be IAM ARNs, never \"*\": the AWS console default that lets every principal decrypt trail logs is too broad for PHI audit logs."
  }

  validation {
    condition     = length(setintersection(toset(var.cloudtrail_log_reader_arns), toset(var.key_administrator_arns))) == 0
    error_message = "cloudtrail_log_reader_arns must not include key administrators: administrators manage the key and must not decrypt with it (separation of duties)."
  }
}

variable "cloudwatch_logs_log_group_arns" {
  description = "CloudWatch Logs log group ARNs (without the trailing :*) allowed to use this key, via the logs.<region>.amazonaws.com principal conditioned on kms:EncryptionContext:aws:logs:arn. Build them from names to avoid cycles."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.cloudwatch_logs_log_group_arns : can(regex("^arn:aws[a-z-]*:logs:[a-z0-9-]+:[0-9]{12}:log-group:[^*]+$", arn))])
    error_message = "cloudwatch_logs_log_group_arns must be log group ARNs (arn:<partition>:logs:<region>:<account>:log-group:<name>) without wildcards, so the grant is bound to those groups."
  }
}

variable "cloudwatch_alarm_topic_arns" {
  description = "SNS topic ARNs encrypted with this key that CloudWatch alarms publish to; grants cloudwatch.amazonaws.com Decrypt/GenerateDataKey* for those topics' encryption context only."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.cloudwatch_alarm_topic_arns : can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]+$", arn))])
    error_message = "cloudwatch_alarm_topic_arns must be SNS topic ARNs (arn:<partition>:sns:<region>:<account>:<name>) without wildcards."
  }
}

variable "service_principals" {
  description = "Other AWS service principals allowed to use the key, keyed by statement id. Each grant is conditioned on aws:SourceAccount = this account and, when source_arns is set, aws:SourceArn."
  type = map(object({
    service     = string
    actions     = list(string)
    source_arns = optional(list(string), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for k, v in var.service_principals : can(regex("^[A-Za-z0-9]+$", k)) && endswith(v.service, ".amazonaws.com") && !contains(v.actions, "kms:*")])
    error_message = "service_principals keys must be alphanumeric statement ids, service must be an AWS service principal (*.amazonaws.com), and actions must be listed explicitly (no kms:*)."
  }
}

variable "region" {
  description = "Region to create the key in (AWS provider 6 per-resource region); null uses the provider's Region."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for the key."
  type        = map(string)
  default     = {}
}
