import rule from "../../../../src/rules/aws/s3/s3-bucket-encryption-cmk.js";
import { testRule } from "../../../support/rule-tester.js";

const phiBucket = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
`;

const key = `resource "aws_kms_key" "phi" {
  enable_key_rotation = true
}
`;

/** SSE for `aws_s3_bucket.phi` with the given `apply_server_side_encryption_by_default` body. */
const sse = (
  apply: string,
  bucket = "aws_s3_bucket.phi.id",
) => `resource "aws_s3_bucket_server_side_encryption_configuration" "phi" {
  bucket = ${bucket}
  rule {
    apply_server_side_encryption_by_default {
${apply}
    }
  }
}
`;

const kmsWithKey = `      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.phi.arn`;

/** A bucket module and a separate encryption module, wired in the root: the split resource is not in the bucket's module. */
const bucketModule = `variable "name" {
  type = string
}
resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = { classification = "phi" }
}
output "id" {
  value = aws_s3_bucket.this.id
}
`;
const encryptionModule = (algorithm: string) => `variable "bucket" {
  type = string
}
variable "key_arn" {
  type = string
}
resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = var.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "${algorithm}"
      kms_master_key_id = var.key_arn
    }
  }
}
`;
const crossModuleRoot = `${key}
module "encryption" {
  source  = "./modules/encryption"
  bucket  = module.bucket.id
  key_arn = aws_kms_key.phi.arn
}
module "bucket" {
  source = "./modules/bucket"
  name   = "acme-phi"
}
`;

/** Two PHI buckets from one for_each map, each joined to its own SSE resource by each.key. */
const forEachBuckets = (algorithms: string) => `${key}
locals {
  buckets = ${algorithms}
}
resource "aws_s3_bucket" "phi" {
  for_each = local.buckets
  bucket   = "acme-\${each.key}"
  tags     = { classification = "phi" }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "phi" {
  for_each = local.buckets
  bucket   = aws_s3_bucket.phi[each.key].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = each.value
      kms_master_key_id = each.value == "aws:kms" ? aws_kms_key.phi.arn : null
    }
  }
}
`;

/** A PHI bucket logging to a log bucket (itself tagged PHI) whose SSE is S3-managed. */
const withLogTarget = `${phiBucket}${key}${sse(kmsWithKey)}
resource "aws_s3_bucket" "logs" {
  bucket = "acme-phi-logs"
  tags   = { classification = "phi" }
}
resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "phi/"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
`;

testRule(rule, {
  valid: [
    {
      name: "SSE-KMS with a key of this configuration",
      code: `${phiBucket}${key}${sse(kmsWithKey)}`,
    },
    {
      name: "for_each bucket map: each bucket joined to its own SSE resource by each.key",
      code: forEachBuckets(`{ claims = "aws:kms", imaging = "aws:kms" }`),
      passes: 2,
    },
    {
      name: "an access-log target bucket with SSE-S3 is exempt",
      code: withLogTarget,
      passes: 1,
    },
    {
      name: "SSE resource in another module than its bucket",
      code: {
        "main.tf": crossModuleRoot,
        "modules/bucket/main.tf": bucketModule,
        "modules/encryption/main.tf": encryptionModule("aws:kms"),
      },
    },
    {
      name: "SSE resource joined by the literal bucket name",
      code: `${phiBucket}${key}${sse(kmsWithKey, `"acme-phi"`)}`,
    },
    {
      name: "a customer-managed key named by its alias",
      code: `${phiBucket}${key}
resource "aws_kms_alias" "phi" {
  name          = "alias/acme-phi"
  target_key_id = aws_kms_key.phi.key_id
}
${sse(`      sse_algorithm     = "aws:kms"
      kms_master_key_id = "alias/acme-phi"`)}`,
    },
    {
      name: "a customer-managed key defined outside the configuration, by ARN",
      code: `${phiBucket}${sse(`      sse_algorithm     = "aws:kms:dsse"
      kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/0b6c2f41-7d3e-4c55-9a61-2f5d8e9c1a70"`)}`,
    },
    {
      name: "legacy inline encryption block",
      code: `${key}
resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "ephi" }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.phi.arn
      }
    }
  }
}
`,
    },
    {
      name: "a bucket outside PHI scope is not judged",
      code: `resource "aws_s3_bucket" "scratch" {
  bucket = "acme-scratch"
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "SSE-S3 (AES256)",
      code: `${phiBucket}${sse(`      sse_algorithm = "AES256"`)}`,
      errors: [{ messageId: "sseS3", line: 9, column: 7, endLine: 9, endColumn: 31, address: "aws_s3_bucket.phi" }],
    },
    {
      name: "no encryption configuration: the S3 default SSE-S3 applies",
      code: phiBucket,
      errors: [{ messageId: "sseS3", line: 1, column: 1, endLine: 4, endColumn: 2 }],
    },
    {
      name: "the only SSE resource has count = 0",
      code: `${phiBucket}${key}
variable "encrypt" {
  type    = bool
  default = false
}
resource "aws_s3_bucket_server_side_encryption_configuration" "phi" {
  count  = var.encrypt ? 1 : 0
  bucket = aws_s3_bucket.phi.id
  rule {
    apply_server_side_encryption_by_default {
${kmsWithKey}
    }
  }
}
`,
      errors: [{ messageId: "sseS3", line: 1, column: 1, endLine: 4, endColumn: 2 }],
    },
    {
      name: "SSE-KMS without a key id uses the AWS-managed aws/s3 key",
      code: `${phiBucket}${sse(`      sse_algorithm = "aws:kms"`)}`,
      errors: [{ messageId: "awsManagedKey", line: 8, column: 5, endLine: 10, endColumn: 6 }],
    },
    {
      name: "the aws/s3 alias named explicitly",
      code: `${phiBucket}${sse(`      sse_algorithm     = "aws:kms"
      kms_master_key_id = "alias/aws/s3"`)}`,
      errors: [{ messageId: "awsManagedKey", line: 10, column: 7, endLine: 10, endColumn: 41 }],
    },
    {
      name: "the aws/s3 alias named by its ARN",
      code: `${phiBucket}${sse(`      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"`)}`,
      errors: [{ messageId: "awsManagedKey", line: 10, column: 7, endLine: 10, endColumn: 76 }],
    },
    {
      name: "the aws/s3 key looked up through an alias data source",
      code: `${phiBucket}
data "aws_kms_alias" "s3" {
  name = "alias/aws/s3"
}
${sse(`      sse_algorithm     = "aws:kms"
      kms_master_key_id = data.aws_kms_alias.s3.target_key_arn`)}`,
      errors: [{ messageId: "awsManagedKey", line: 14, column: 7, endLine: 14, endColumn: 63 }],
    },
    {
      name: "the aws/s3 key looked up through a key data source",
      code: `${phiBucket}
data "aws_kms_key" "s3" {
  key_id = "alias/aws/s3"
}
${sse(`      sse_algorithm     = "aws:kms"
      kms_master_key_id = data.aws_kms_key.s3.arn`)}`,
      errors: [{ messageId: "awsManagedKey", line: 14, column: 7, endLine: 14, endColumn: 50 }],
    },
    {
      name: "for_each bucket map: only the bucket whose own SSE resource is AES256 fails",
      code: forEachBuckets(`{ claims = "aws:kms", imaging = "AES256" }`),
      errors: [
        {
          messageId: "sseS3",
          line: 18,
          column: 7,
          endLine: 18,
          endColumn: 37,
          address: 'aws_s3_bucket.phi["imaging"]',
        },
      ],
    },
    {
      name: "SSE-S3 set by a resource in another module than its bucket",
      code: {
        "main.tf": crossModuleRoot,
        "modules/bucket/main.tf": bucketModule,
        "modules/encryption/main.tf": encryptionModule("AES256"),
      },
      errors: [
        {
          messageId: "sseS3",
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 35,
          address: "module.bucket.aws_s3_bucket.this",
          file: "modules/encryption/main.tf",
        },
      ],
    },
    {
      name: "SSE-S3 set by a resource joined by the literal bucket name",
      code: `${phiBucket}${sse(`      sse_algorithm = "AES256"`, `"acme-phi"`)}`,
      errors: [{ messageId: "sseS3", line: 9, column: 7, endLine: 9, endColumn: 31 }],
    },
    {
      name: "a PHI bucket logging into itself is not exempt as a log target",
      code: `${phiBucket}${sse(`      sse_algorithm = "AES256"`)}
resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = aws_s3_bucket.phi.id
}
`,
      errors: [{ messageId: "sseS3", line: 9, column: 7, endLine: 9, endColumn: 31 }],
    },
    {
      name: "the key is known only after apply",
      code: `${phiBucket}
data "aws_ssm_parameter" "key" {
  name = "/acme/phi/key-arn"
}
${sse(`      sse_algorithm     = "aws:kms"
      kms_master_key_id = data.aws_ssm_parameter.key.value`)}`,
      errors: [{ messageId: "keyUnknown", status: "unknown", line: 14, column: 7, endLine: 14, endColumn: 59 }],
    },
  ],
});
