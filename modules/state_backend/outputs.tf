output "bucket_id" {
  description = "Name of the state bucket."
  value       = module.bucket.bucket_id
}

output "bucket_arn" {
  description = "ARN of the state bucket."
  value       = module.bucket.bucket_arn
}

output "access_log_bucket_arn" {
  description = "ARN of the state bucket's access-log bucket."
  value       = module.bucket.access_log_bucket_arn
}

output "dynamodb_table_name" {
  description = "Name of the lock table; null when not created."
  value       = one(aws_dynamodb_table.this[*].name)
}

output "access_policy_arn" {
  description = "ARN of the state access policy; null when not created."
  value       = one(aws_iam_policy.this[*].arn)
}

output "access_policy_json" {
  description = "The least-privilege state access policy document."
  value       = data.aws_iam_policy_document.access.json
}

output "backend_config" {
  description = "Backend settings as a map, for terraform init -backend-config=... or a backend.hcl file."
  value       = local.backend_config
}

output "backend_config_snippet" {
  description = "A ready terraform { backend \"s3\" { ... } } block: encrypted with the CMK, S3-native locking."
  value       = <<-EOT
    terraform {
      backend "s3" {
        bucket       = "${local.backend_config.bucket}"
        key          = "${local.backend_config.key}"
        region       = "${local.backend_config.region}"
        encrypt      = true
        kms_key_id   = "${local.backend_config.kms_key_id}"
        use_lockfile = true%{if local.create_table}
        # Deprecated since Terraform 1.11; keep only while older clients still lock through DynamoDB.
        dynamodb_table = "${one(aws_dynamodb_table.this[*].name)}"%{endif}
      }
    }
  EOT
}
