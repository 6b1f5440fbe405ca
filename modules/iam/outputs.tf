output "read_only_policy_arn" {
  description = "ARN of the PHI read-only policy."
  value       = aws_iam_policy.read_only.arn
}

output "read_write_policy_arn" {
  description = "ARN of the PHI read-write policy."
  value       = aws_iam_policy.read_write.arn
}

output "operator_role_arn" {
  description = "ARN of the MFA-gated operator role; null when not created."
  value       = one(aws_iam_role.operator[*].arn)
}

output "operator_role_name" {
  description = "Name of the operator role; null when not created."
  value       = one(aws_iam_role.operator[*].name)
}

output "workload_role_arns" {
  description = "ARNs of the workload roles, by name."
  value       = { for name, role in aws_iam_role.workload : name => role.arn }
}

output "role_arns" {
  description = "ARNs of every role this module creates (operator and workloads): add them to the PHI key's key_user_arns."
  value       = concat(aws_iam_role.operator[*].arn, [for role in aws_iam_role.workload : role.arn])
}
