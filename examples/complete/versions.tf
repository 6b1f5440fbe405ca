terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }

  # The state bucket and key come from this configuration (outputs state_backend_snippet / state_key_arn):
  # apply once with local state, then fill in the key ARN and run terraform init -migrate-state.
  # Name the key by ARN: the state bucket policy refuses uploads that name another key.
  backend "s3" {
    bucket       = "acme-health-terraform-state-111122223333"
    key          = "hipaa-baseline/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:us-east-1:111122223333:key/0b6c2f41-7d3e-4c55-9a61-2f5d8e9c1a70"
    use_lockfile = true
  }
}
