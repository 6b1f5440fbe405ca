variable "region" {
  description = "Region of the legacy intake system."
  type        = string
  default     = "us-east-1"
}

variable "account_id" {
  description = "AWS account id (AWS documentation example account by default)."
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
  default     = "legacy-clinic"
}

variable "security_email" {
  description = "Mailbox receiving the security alarms."
  type        = string
  default     = "it-security@legacy-clinic.example"
}

variable "certificate_arn" {
  description = "ACM certificate of the patient portal."
  type        = string
  default     = "arn:aws:acm:us-east-1:111122223333:certificate/2b7e1516-28ae-4d2a-abf7-15887a09cf4f"
}

variable "vpc_cidr" {
  description = "CIDR block of the intake VPC."
  type        = string
  default     = "10.50.0.0/16"
}

variable "availability_zones" {
  description = "Availability Zones of the private subnets."
  type        = list(string)
  default     = ["us-east-1a", "us-east-1b"]
}
