output "phi_bucket_arns" {
  description = "PHI bucket ARNs by name."
  value       = module.hipaa_baseline.phi_bucket_arns
}

output "phi_key_arn" {
  description = "ARN of the PHI data key."
  value       = module.hipaa_baseline.phi_key_arn
}

output "operator_role_arn" {
  description = "Role people assume (with MFA) to read PHI."
  value       = module.hipaa_baseline.operator_role_arn
}

output "trail_arn" {
  description = "ARN of the multi-Region trail."
  value       = module.hipaa_baseline.trail_arn
}

output "alarm_topic_arn" {
  description = "ARN of the encrypted security alarm topic."
  value       = module.hipaa_baseline.alarm_topic_arn
}

output "state_backend_snippet" {
  description = "The backend block to paste into versions.tf after the first apply."
  value       = module.hipaa_baseline.state_backend_snippet
}

output "state_key_arn" {
  description = "ARN of the Terraform state key (the backend's kms_key_id)."
  value       = module.hipaa_baseline.state_key_arn
}

output "db_master_user_secret_arn" {
  description = "Secrets Manager secret holding the records database master password."
  value       = module.hipaa_baseline.db_master_user_secret_arn
}
