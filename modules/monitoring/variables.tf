variable "name_prefix" {
  description = "Prefix for metric filter, alarm and topic names."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name_prefix))
    error_message = "name_prefix must be 1-64 letters, digits, '_' or '-'."
  }
}

variable "cloudtrail_log_group_name" {
  description = "CloudWatch Logs group receiving the multi-Region CloudTrail trail (the cloudtrail module's log_group_name output)."
  type        = string

  validation {
    condition     = length(var.cloudtrail_log_group_name) > 0
    error_message = "cloudtrail_log_group_name must name the log group the trail delivers to; the metric filters only see events in that group (HIPAA 164.308(a)(1)(ii)(D))."
  }
}

variable "kms_key_arn" {
  description = "Customer-managed key that encrypts the alarm topic. Its policy must grant cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey* (kms module: cloudwatch_alarm_topic_arns = [topic_arn output])."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a customer-managed key ARN (arn:<partition>:kms:<region>:<account>:key/<id>); alias/aws/sns cannot grant CloudWatch and alarm notifications would silently fail."
  }
}

variable "topic_name" {
  description = "Name of the alarm topic; defaults to <name_prefix>-security-alarms."
  type        = string
  default     = null
}

variable "subscriptions" {
  description = "Subscriptions to the alarm topic, keyed by a name (e.g. { security = { protocol = \"email\", endpoint = \"security@example.org\" } }). CIS and Security Hub expect at least one."
  type = map(object({
    protocol = string
    endpoint = string
  }))
  default = {}

  validation {
    condition     = alltrue([for s in values(var.subscriptions) : contains(["email", "email-json", "https", "sqs", "lambda", "sms", "firehose"], s.protocol)])
    error_message = "Each subscription protocol must be one of email, email-json, https, sqs, lambda, sms, firehose (no plain http: alarm contents leave AWS only over TLS)."
  }
}

variable "metric_namespace" {
  description = "CloudWatch namespace of the metrics produced by the filters."
  type        = string
  default     = "HIPAA/CloudTrailMetrics"
}

variable "organizations_changes_alarm" {
  description = "Also alarm on AWS Organizations changes (CIS 4.15; no Security Hub control). Useful in the management account."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags for the topic and alarms."
  type        = map(string)
  default     = {}
}
