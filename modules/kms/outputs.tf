output "key_arn" {
  description = "ARN of the customer-managed key."
  value       = aws_kms_key.this.arn
}

output "key_id" {
  description = "Key id of the customer-managed key."
  value       = aws_kms_key.this.key_id
}

output "alias_arn" {
  description = "ARN of the key alias."
  value       = aws_kms_alias.this.arn
}

output "alias_name" {
  description = "Alias name, with the alias/ prefix."
  value       = aws_kms_alias.this.name
}

output "policy_json" {
  description = "The key policy document."
  value       = data.aws_iam_policy_document.this.json
}
