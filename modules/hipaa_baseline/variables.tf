variable "name_prefix" {
  description = "Prefix for every name (keys, trail, alarms, roles, analyzer)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 lowercase letters, digits or hyphens, starting and ending with a letter or digit (it is part of bucket and role names)."
  }
}

variable "key_administrator_arns" {
  description = "Administrators of every key (manage, never use). Include the role that runs Terraform or the account root (arn:<partition>:iam::<account>:root, delegating key administration to IAM policies)."
  type        = list(string)
}

variable "key_service_user_arns" {
  description = "Principals allowed only to create grants on the PHI key for AWS resources (e.g. the Terraform role creating the RDS instance, the AWSServiceRoleForAutoScaling role)."
  type        = list(string)
  default     = []
}

variable "additional_key_user_arns" {
  description = "Further principals that use the PHI key for data (e.g. roles launching EBS volumes). The operator, workload and replication roles are added automatically."
  type        = list(string)
  default     = []
}

variable "kms_deletion_window_in_days" {
  description = "Deletion window of every key (7-30)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_in_days >= 7 && var.kms_deletion_window_in_days <= 30 && floor(var.kms_deletion_window_in_days) == var.kms_deletion_window_in_days
    error_message = "kms_deletion_window_in_days must be a whole number from 7 to 30; keep 30 so an accidental deletion of a key protecting PHI can be cancelled."
  }
}

variable "kms_rotation_period_in_days" {
  description = "Automatic rotation period of every key (90-365 days)."
  type        = number
  default     = 365

  validation {
    condition     = var.kms_rotation_period_in_days >= 90 && var.kms_rotation_period_in_days <= 365 && floor(var.kms_rotation_period_in_days) == var.kms_rotation_period_in_days
    error_message = "kms_rotation_period_in_days must be a whole number from 90 to 365: keys protecting PHI rotate at least yearly (HITRUST 10.g)."
  }
}

variable "phi_buckets" {
  description = "PHI buckets to create, keyed by bucket name, each with Object Lock settings."
  type = map(object({
    object_lock_mode                   = optional(string, "GOVERNANCE")
    retention_days                     = optional(number, 2192)
    noncurrent_version_transition_days = optional(number, 30)
  }))

  validation {
    condition     = length(var.phi_buckets) > 0
    error_message = "phi_buckets must define at least one bucket: the baseline exists to hold PHI."
  }

  validation {
    condition     = alltrue([for b in values(var.phi_buckets) : contains(["GOVERNANCE", "COMPLIANCE"], b.object_lock_mode) && b.retention_days >= 1 && floor(b.retention_days) == b.retention_days])
    error_message = "Each PHI bucket needs object_lock_mode GOVERNANCE or COMPLIANCE and retention_days a whole number of at least 1; HIPAA 164.312(c)(1) requires protecting PHI from improper alteration or destruction."
  }
}

variable "replication" {
  description = "Optional cross-region replication of every PHI bucket to <name>-replica in this Region, encrypted with a key created there."
  type = object({
    region        = string
    storage_class = optional(string, "STANDARD")
  })
  default = null

  validation {
    condition     = var.replication == null || can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", try(var.replication.region, "")))
    error_message = "replication.region must be an AWS Region name such as us-west-2."
  }
}

variable "object_tag_condition" {
  description = "Optional tag that readers' objects must carry and writers must set (see the iam module)."
  type = object({
    key   = optional(string, "classification")
    value = optional(string, "phi")
  })
  default = null
}

variable "operator_role" {
  description = "MFA-gated operator role for people (see the iam module); null for none."
  type = object({
    name                   = string
    trusted_principal_arns = list(string)
    access                 = optional(string, "read-only")
    mfa_max_age_seconds    = optional(number, 3600)
    max_session_duration   = optional(number, 3600)
  })
  default = null
}

variable "workload_roles" {
  description = "Roles for AWS services processing PHI, keyed by role name (see the iam module)."
  type = map(object({
    service_principals      = list(string)
    access                  = optional(string, "read-only")
    restrict_source_account = optional(bool, true)
  }))
  default = {}
}

variable "cloudtrail" {
  description = "Trail settings: name (default <prefix>-trail), bucket (default <prefix>-cloudtrail-<account>), Object Lock of trail files, CloudWatch Logs retention, organization id for an organization trail."
  type = object({
    name                  = optional(string)
    bucket_name           = optional(string)
    object_lock_mode      = optional(string, "GOVERNANCE")
    retention_days        = optional(number, 2192)
    log_retention_in_days = optional(number, 2192)
    organization_id       = optional(string)
  })
  default  = {}
  nullable = false
}

variable "cloudtrail_log_reader_arns" {
  description = "Auditor principals allowed to decrypt CloudTrail log and digest files."
  type        = list(string)
  default     = []
}

variable "alarm_subscriptions" {
  description = "Subscribers to the security alarm topic, e.g. { security = { protocol = \"email\", endpoint = \"security@example.org\" } }."
  type = map(object({
    protocol = string
    endpoint = string
  }))

  validation {
    condition     = length(var.alarm_subscriptions) > 0
    error_message = "alarm_subscriptions needs at least one subscriber: an alarm nobody receives is not incident response (HIPAA 164.308(a)(6)(ii))."
  }
}

variable "state_backend" {
  description = "Optional Terraform state backend: bucket (default <prefix>-terraform-state-<account>), its own key whose users are user_arns (the principals running Terraform), optional DynamoDB lock table for old clients."
  type = object({
    user_arns                = list(string)
    key_administrator_arns   = optional(list(string))
    bucket_name              = optional(string)
    state_key                = optional(string, "terraform.tfstate")
    retention_days           = optional(number, 365)
    dynamodb_lock_table_name = optional(string)
  })
  default = null

  validation {
    condition     = var.state_backend == null || try(length(var.state_backend.user_arns) > 0, false)
    error_message = "state_backend.user_arns must name the principals that run Terraform; without key users nobody can read the encrypted state."
  }
}

variable "password_policy" {
  description = "IAM account password policy. All character classes are always required."
  type = object({
    minimum_password_length   = optional(number, 14)
    password_reuse_prevention = optional(number, 24)
    max_password_age          = optional(number, 90)
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.password_policy.minimum_password_length >= 14 && var.password_policy.minimum_password_length <= 128
    error_message = "password_policy.minimum_password_length must be 14-128 (CIS 1.8; HIPAA 164.308(a)(5)(ii)(D) password management)."
  }

  validation {
    condition     = var.password_policy.password_reuse_prevention == 24
    error_message = "password_policy.password_reuse_prevention must be 24, the most IAM allows (CIS 1.9)."
  }

  validation {
    condition     = var.password_policy.max_password_age >= 1 && var.password_policy.max_password_age <= 90
    error_message = "password_policy.max_password_age must be 1-90 days (HIPAA 164.308(a)(5)(ii)(D) password management: change passwords at least every 90 days)."
  }
}

variable "access_analyzer_type" {
  description = "IAM Access Analyzer zone of trust: ACCOUNT, or ORGANIZATION in the management or delegated admin account."
  type        = string
  default     = "ACCOUNT"

  validation {
    condition     = contains(["ACCOUNT", "ORGANIZATION"], var.access_analyzer_type)
    error_message = "access_analyzer_type must be ACCOUNT or ORGANIZATION."
  }
}

variable "network" {
  description = "Optional network controls for existing VPCs: flow logs (all traffic by default) to a KMS-encrypted log group, default security groups stripped of rules."
  type = object({
    vpc_ids                         = list(string)
    traffic_type                    = optional(string, "ALL")
    log_retention_in_days           = optional(number, 365)
    restrict_default_security_group = optional(bool, true)
  })
  default = null

  validation {
    condition     = var.network == null || try(length(var.network.vpc_ids) > 0 && contains(["ALL", "REJECT", "ACCEPT"], var.network.traffic_type), false)
    error_message = "network.vpc_ids must list at least one VPC and network.traffic_type must be ALL, ACCEPT or REJECT (ALL recommended for HIPAA 164.312(b) audit controls)."
  }

  validation {
    condition     = var.network == null || try(contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.network.log_retention_in_days), false)
    error_message = "network.log_retention_in_days must be a CloudWatch Logs retention value of at least 365 days."
  }
}

variable "rds" {
  description = "Optional encrypted RDS instance (postgres or mysql) in private subnets. Multi-AZ, storage encryption with the PHI key, IAM authentication, deletion protection and a Secrets Manager master password are always on. master_user_secret_kms_key_arn null uses the AWS managed aws/secretsmanager key for the secret; a customer-managed key must let the caller use kms:GenerateDataKey and kms:Decrypt."
  type = object({
    identifier                     = string
    parameter_group_family         = string
    subnet_ids                     = list(string)
    vpc_security_group_ids         = list(string)
    engine                         = optional(string, "postgres")
    engine_version                 = optional(string)
    instance_class                 = optional(string, "db.m6g.large")
    allocated_storage              = optional(number, 100)
    max_allocated_storage          = optional(number, 500)
    db_name                        = optional(string)
    username                       = optional(string, "phiadmin")
    backup_retention_period        = optional(number, 35)
    log_exports                    = optional(list(string))
    log_retention_in_days          = optional(number, 2192)
    master_user_secret_kms_key_arn = optional(string)
  })
  default = null

  validation {
    condition     = var.rds == null || try(contains(["postgres", "mysql"], var.rds.engine), false)
    error_message = "rds.engine must be postgres or mysql (the TLS-enforcing parameter group knows these two)."
  }

  validation {
    condition     = var.rds == null || try(var.rds.backup_retention_period >= 7 && var.rds.backup_retention_period <= 35, false)
    error_message = "rds.backup_retention_period must be 7-35 days: HIPAA 164.308(a)(7)(ii)(A) requires a data backup plan; keep at least a week of point-in-time recovery."
  }

  validation {
    condition     = var.rds == null || try(length(var.rds.subnet_ids) >= 2, false)
    error_message = "rds.subnet_ids must list at least two private subnets in different Availability Zones (Multi-AZ)."
  }

  validation {
    condition     = var.rds == null || try(contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.rds.log_retention_in_days), false)
    error_message = "rds.log_retention_in_days must be a CloudWatch Logs retention value of at least 365 days."
  }
}

variable "alb" {
  description = "Optional Application Load Balancer with an HTTPS listener (TLS 1.3/1.2 policy), an HTTP listener that only redirects, invalid header fields dropped."
  type = object({
    name               = string
    subnet_ids         = list(string)
    security_group_ids = list(string)
    certificate_arn    = string
    internal           = optional(bool, true)
    ssl_policy         = optional(string, "ELBSecurityPolicy-TLS13-1-2-2021-06")
    access_logs_bucket = optional(string)
    target_group = optional(object({
      name              = string
      vpc_id            = string
      port              = optional(number, 443)
      target_type       = optional(string, "ip")
      health_check_path = optional(string, "/health")
    }))
  })
  default = null

  validation {
    condition     = var.alb == null || try(can(regex("^ELBSecurityPolicy-TLS13-1-[23]-", var.alb.ssl_policy)) || contains(["ELBSecurityPolicy-TLS-1-2-2017-01", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06", "ELBSecurityPolicy-FS-1-2-2019-08", "ELBSecurityPolicy-FS-1-2-Res-2019-08", "ELBSecurityPolicy-FS-1-2-Res-2020-10"], var.alb.ssl_policy), false)
    error_message = "alb.ssl_policy must allow only TLS 1.2 or newer (an ELBSecurityPolicy-TLS13-1-2-* or TLS13-1-3-* policy, recommended, or a TLS-1-2/FS-1-2 policy; TLS13-1-0/1-1 still accept TLS 1.0/1.1): HIPAA 164.312(e)(1) transmission security."
  }

  validation {
    condition     = var.alb == null || try(can(regex("^arn:aws[a-z-]*:acm:", var.alb.certificate_arn)), false)
    error_message = "alb.certificate_arn must be an ACM certificate ARN."
  }
}

variable "classification" {
  description = "Value of the classification tag marking PHI resources for phiform (phi or ephi)."
  type        = string
  default     = "phi"

  validation {
    condition     = contains(["phi", "ephi"], var.classification)
    error_message = "classification must be phi or ephi, the values phiform recognises as PHI scope."
  }
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
