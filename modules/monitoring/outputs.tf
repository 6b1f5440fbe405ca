output "topic_arn" {
  description = "ARN of the encrypted alarm topic."
  value       = aws_sns_topic.this.arn
}

output "alarm_arns" {
  description = "Alarm ARNs by event class."
  value       = { for k, alarm in aws_cloudwatch_metric_alarm.this : k => alarm.arn }
}

output "metric_filter_patterns" {
  description = "Filter pattern of each event class, as deployed."
  value       = { for k, filter in aws_cloudwatch_log_metric_filter.this : k => filter.pattern }
}

output "topic_name" {
  description = "Name of the alarm topic."
  value       = aws_sns_topic.this.name
}
