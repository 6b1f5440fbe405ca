output "bucket_id" {
  description = "Name of the PHI bucket."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the PHI bucket."
  value       = aws_s3_bucket.this.arn
}

output "bucket_regional_domain_name" {
  description = "Regional domain name of the PHI bucket."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}

output "access_log_bucket_id" {
  description = "Name of the server access log bucket (created or given)."
  value       = local.log_target_bucket
}

output "access_log_bucket_arn" {
  description = "ARN of the created server access log bucket; null when logging to an existing bucket."
  value       = local.create_log_bucket ? aws_s3_bucket.access_logs[0].arn : null
}

output "replication_role_arn" {
  description = "ARN of the replication role (add it to the key users of both keys); null without replication."
  value       = one(aws_iam_role.replication[*].arn)
}
