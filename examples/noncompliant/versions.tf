terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }

  # phiform: violates backend-s3-encryption (encrypt without kms_key_id: the state gets SSE-S3, not a customer-managed key)
  # phiform: violates backend-s3-locking (neither use_lockfile nor dynamodb_table: concurrent applies can corrupt state)
  backend "s3" {
    bucket  = "legacy-clinic-tfstate-111122223333"
    key     = "intake/terraform.tfstate"
    region  = "us-east-1"
    encrypt = true
  }
}
