output "phi_key_arn" {
  description = "ARN of the PHI data key."
  value       = module.kms_phi.key_arn
}

output "audit_key_arn" {
  description = "ARN of the audit log key."
  value       = module.kms_audit.key_arn
}

output "phi_bucket_arns" {
  description = "PHI bucket ARNs by name."
  value       = { for name, bucket in module.phi_bucket : name => bucket.bucket_arn }
}

output "phi_replica_bucket_arns" {
  description = "Replica bucket ARNs by source bucket name (empty without replication)."
  value       = { for name, bucket in module.phi_replica : name => bucket.bucket_arn }
}

output "read_only_policy_arn" {
  description = "ARN of the PHI read-only policy."
  value       = module.iam.read_only_policy_arn
}

output "read_write_policy_arn" {
  description = "ARN of the PHI read-write policy."
  value       = module.iam.read_write_policy_arn
}

output "operator_role_arn" {
  description = "ARN of the MFA-gated operator role (null when not requested)."
  value       = module.iam.operator_role_arn
}

output "trail_arn" {
  description = "ARN of the multi-Region trail."
  value       = module.cloudtrail.trail_arn
}

output "trail_bucket_id" {
  description = "Name of the trail bucket."
  value       = module.cloudtrail.bucket_id
}

output "cloudtrail_log_group_name" {
  description = "CloudWatch Logs group receiving the trail."
  value       = module.cloudtrail.log_group_name
}

output "alarm_topic_arn" {
  description = "ARN of the encrypted security alarm topic."
  value       = module.monitoring.topic_arn
}

output "state_backend_config" {
  description = "Backend settings for terraform init -backend-config (null without state_backend)."
  value       = one(module.state_backend[*].backend_config)
}

output "state_backend_snippet" {
  description = "A ready terraform { backend \"s3\" { ... } } block (null without state_backend)."
  value       = one(module.state_backend[*].backend_config_snippet)
}

output "state_key_arn" {
  description = "ARN of the Terraform state key (null without state_backend)."
  value       = one(module.kms_state[*].key_arn)
}

output "db_instance_arn" {
  description = "ARN of the RDS instance (null without rds)."
  value       = one(aws_db_instance.this[*].arn)
}

output "db_master_user_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the RDS master password (null without rds)."
  value       = try(aws_db_instance.this[0].master_user_secret[0].secret_arn, null)
}

output "alb_dns_name" {
  description = "DNS name of the load balancer (null without alb)."
  value       = one(aws_lb.this[*].dns_name)
}
