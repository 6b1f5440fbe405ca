output "trail_arn" {
  description = "ARN of the trail, known before apply (use it in the key policy's cloudtrail_trail_arns)."
  value       = local.trail_arn
}

output "trail_name" {
  description = "Name of the trail."
  value       = aws_cloudtrail.this.name
}

output "bucket_id" {
  description = "Name of the trail bucket."
  value       = module.bucket.bucket_id
}

output "bucket_arn" {
  description = "ARN of the trail bucket."
  value       = module.bucket.bucket_arn
}

output "access_log_bucket_arn" {
  description = "ARN of the trail bucket's access-log bucket (null when logging to an existing bucket)."
  value       = module.bucket.access_log_bucket_arn
}

output "log_group_name" {
  description = "Name of the CloudWatch Logs group receiving the trail (input of the monitoring module)."
  value       = aws_cloudwatch_log_group.this.name
}

output "log_group_arn" {
  description = "ARN of the log group, known before apply (use it in the key policy's cloudwatch_logs_log_group_arns)."
  value       = local.log_group_arn
}

output "cloudwatch_logs_role_arn" {
  description = "ARN of the role CloudTrail uses to deliver to CloudWatch Logs."
  value       = aws_iam_role.cloudwatch_logs.arn
}
