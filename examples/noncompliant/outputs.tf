output "intake_bucket_arn" {
  description = "ARN of the intake PHI bucket."
  value       = aws_s3_bucket.intake.arn
}

output "exports_bucket_arn" {
  description = "ARN of the exports PHI bucket."
  value       = aws_s3_bucket.exports.arn
}

output "trail_arn" {
  description = "ARN of the trail."
  value       = aws_cloudtrail.this.arn
}

output "alarm_topic_arn" {
  description = "ARN of the (unencrypted) alarm topic."
  value       = aws_sns_topic.alarms.arn
}

output "portal_dns_name" {
  description = "DNS name of the patient portal load balancer."
  value       = aws_lb.portal.dns_name
}
