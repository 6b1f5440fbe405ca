import rule from "../../../../src/rules/aws/s3/s3-access-log-bucket-sse-s3.js";
import { testRule } from "../../../support/rule-tester.js";

const phiBucket = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
resource "aws_s3_bucket" "logs" {
  bucket = "acme-phi-logs"
}
`;

/** Server access logging of `aws_s3_bucket.phi` into the bucket named by `target`. */
const logging = (target = "aws_s3_bucket.logs.id") => `resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = ${target}
  target_prefix = "phi/"
}
`;

const logsSse = (apply: string, extra = "") => `resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
${extra}  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
${apply}
    }
  }
}
`;

const kms = `      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.logs.arn`;
const key = `resource "aws_kms_key" "logs" {
  enable_key_rotation = true
}
`;

/** Buckets from one for_each map, each logging to its own log bucket of the same key. */
const forEachLogs = (algorithms: string) => `locals {
  logs = ${algorithms}
}
resource "aws_s3_bucket" "phi" {
  for_each = local.logs
  bucket   = "acme-\${each.key}"
  tags     = { classification = "phi" }
}
resource "aws_s3_bucket" "logs" {
  for_each = local.logs
  bucket   = "acme-\${each.key}-logs"
}
resource "aws_s3_bucket_logging" "phi" {
  for_each      = local.logs
  bucket        = aws_s3_bucket.phi[each.key].id
  target_bucket = aws_s3_bucket.logs[each.key].id
}
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  for_each = local.logs
  bucket   = aws_s3_bucket.logs[each.key].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = each.value
    }
  }
}
`;

/** The log bucket and its SSE in a module, the PHI bucket logging to it from the root. */
const logModule = (algorithm: string) => `resource "aws_s3_bucket" "this" {
  bucket = "acme-phi-logs"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "${algorithm}"
    }
  }
}
output "id" {
  value = aws_s3_bucket.this.id
}
`;
const logModuleRoot = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
module "logs" {
  source = "./modules/logs"
}
resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = module.logs.id
}
`;

testRule(rule, {
  valid: [
    {
      name: "log target with SSE-S3",
      code: `${phiBucket}${logging()}${logsSse(`      sse_algorithm = "AES256"`)}`,
    },
    {
      name: "log target without an SSE resource: the S3 default SSE-S3 applies",
      code: `${phiBucket}${logging()}`,
    },
    {
      name: "log target whose SSE-KMS resource has count = 0",
      code: `${phiBucket}${key}${logging()}${logsSse(kms, "  count  = 0\n")}`,
    },
    {
      name: "log target named by its literal bucket name",
      code: `${phiBucket}${logging(`"acme-phi-logs"`)}${logsSse(`      sse_algorithm = "AES256"`)}`,
    },
    {
      name: "for_each bucket map: each log bucket joined to its own SSE-S3 resource by each.key",
      code: forEachLogs(`{ claims = "AES256", imaging = "AES256" }`),
      passes: 2,
    },
    {
      name: "log target and its SSE in another module than the logging resource",
      code: { "main.tf": logModuleRoot, "modules/logs/main.tf": logModule("AES256") },
    },
    {
      name: "buckets that receive no access logs are not judged",
      code: `${phiBucket}${key}${logsSse(kms)}`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "log target with SSE-KMS",
      code: `${phiBucket}${key}${logging()}${logsSse(kms)}`,
      errors: [{ messageId: "sseKms", line: 20, column: 7, endLine: 20, endColumn: 36, address: "aws_s3_bucket.logs" }],
    },
    {
      name: "log target with DSSE-KMS, named by its literal bucket name",
      code: `${phiBucket}${logging(`"acme-phi-logs"`)}${logsSse(`      sse_algorithm = "aws:kms:dsse"`)}`,
      errors: [{ messageId: "sseKms", line: 17, column: 7, endLine: 17, endColumn: 37, address: "aws_s3_bucket.logs" }],
    },
    {
      name: "legacy inline logging block into a log target with inline SSE-KMS",
      code: `${key}
resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  logging {
    target_bucket = aws_s3_bucket.logs.id
  }
}
resource "aws_s3_bucket" "logs" {
  bucket = "acme-phi-logs"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
${kms}
      }
    }
  }
}
`,
      errors: [{ messageId: "sseKms", line: 16, column: 7, endLine: 16, endColumn: 36, address: "aws_s3_bucket.logs" }],
    },
    {
      name: "for_each bucket map: only the log bucket whose own SSE resource is KMS fails",
      code: forEachLogs(`{ claims = "AES256", imaging = "aws:kms" }`),
      errors: [
        {
          messageId: "sseKms",
          line: 23,
          column: 7,
          endLine: 23,
          endColumn: 33,
          address: 'aws_s3_bucket.logs["imaging"]',
        },
      ],
    },
    {
      name: "log target and its SSE-KMS in another module than the logging resource",
      code: { "main.tf": logModuleRoot, "modules/logs/main.tf": logModule("aws:kms") },
      errors: [
        {
          messageId: "sseKms",
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 32,
          address: "module.logs.aws_s3_bucket.this",
          file: "modules/logs/main.tf",
        },
      ],
    },
    {
      name: "log target encryption known only after apply",
      code: `${phiBucket}${logging()}
data "aws_ssm_parameter" "sse" {
  name = "/acme/logs/sse"
}
${logsSse(`      sse_algorithm = data.aws_ssm_parameter.sse.value`)}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 21, column: 7, endLine: 21, endColumn: 55 }],
    },
  ],
});
