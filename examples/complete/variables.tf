variable "region" {
  description = "Home Region of the baseline."
  type        = string
  default     = "us-east-1"
}

variable "account_id" {
  description = "AWS account id the baseline is deployed to (AWS documentation example account by default)."
  type        = string
  default     = "111122223333"

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "account_id must be a 12-digit AWS account id."
  }
}

variable "name_prefix" {
  description = "Prefix for every name."
  type        = string
  default     = "acme-health"
}

variable "terraform_role_name" {
  description = "Role that runs Terraform: state key user, and allowed to create grants on the PHI key for RDS."
  type        = string
  default     = "acme-health-terraform"
}

variable "operator_principal_arns" {
  description = "People (SSO permission-set roles) allowed to assume the PHI operator role with MFA."
  type        = list(string)
  default     = ["arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PHIOperators_0123456789abcdef"]
}

variable "auditor_role_arn" {
  description = "Auditor role allowed to decrypt CloudTrail log files."
  type        = string
  default     = "arn:aws:iam::111122223333:role/acme-health-auditor"
}

variable "security_email" {
  description = "Mailbox receiving the security alarms."
  type        = string
  default     = "security@acme-health.example"
}

variable "certificate_arn" {
  description = "ACM certificate for the patient portal load balancer."
  type        = string
  default     = "arn:aws:acm:us-east-1:111122223333:certificate/6f1d3c2e-8a4b-4f7e-9c5d-1e2f3a4b5c6d"
}

variable "vpc_cidr" {
  description = "CIDR block of the PHI workload VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "availability_zones" {
  description = "Two Availability Zones for the private subnets (Multi-AZ RDS, ALB)."
  type        = list(string)
  default     = ["us-east-1a", "us-east-1b"]

  validation {
    condition     = length(var.availability_zones) == 2
    error_message = "availability_zones must list exactly two zones."
  }
}
