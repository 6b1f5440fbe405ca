import rule from "../../../../src/rules/aws/s3/s3-bucket-access-logging.js";
import { testRule } from "../../../support/rule-tester.js";

const phiBucket = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
`;

const logBucket = `resource "aws_s3_bucket" "logs" {
  bucket = "acme-phi-logs"
}
`;

const logging = (target = "aws_s3_bucket.logs.id") => `resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = ${target}
  target_prefix = "phi/"
}
`;

/** Block Public Access on the log bucket with policies neither blocked nor restricted. */
const policiesAllowed = `resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}
`;

testRule(rule, {
  valid: [
    { name: "logs to a different, private bucket", code: `${phiBucket}${logBucket}${logging()}` },
    {
      name: "for_each bucket map logging to one log bucket",
      code: `${logBucket}
resource "aws_s3_bucket" "phi" {
  for_each = toset(["claims", "imaging"])
  bucket   = "acme-\${each.key}"
  tags     = { classification = "phi" }
}
resource "aws_s3_bucket_logging" "phi" {
  for_each      = aws_s3_bucket.phi
  bucket        = each.value.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "\${each.key}/"
}
`,
      passes: 2,
    },
    {
      name: "the log bucket comes from another module",
      code: {
        "main.tf": `${phiBucket}
module "logs" {
  source = "./modules/logs"
}
${logging("module.logs.id")}`,
        "modules/logs/main.tf": `${logBucket}output "id" {
  value = aws_s3_bucket.logs.id
}
`,
      },
    },
    {
      name: "a PHI log target is itself exempt",
      code: `${phiBucket}resource "aws_s3_bucket" "logs" {
  bucket = "acme-phi-logs"
  tags   = { classification = "phi" }
}
${logging()}`,
      passes: 1,
    },
    {
      name: "legacy inline logging block",
      code: `${logBucket}resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
  logging {
    target_bucket = aws_s3_bucket.logs.id
    target_prefix = "phi/"
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "no access logging",
      code: phiBucket,
      errors: [{ messageId: "notEnabled", line: 1, column: 1, endLine: 4, endColumn: 2, address: "aws_s3_bucket.phi" }],
    },
    {
      name: "logs to itself",
      code: `${phiBucket}${logging("aws_s3_bucket.phi.id")}`,
      errors: [{ messageId: "sameBucket", line: 7, column: 3, endLine: 7, endColumn: 39 }],
    },
    {
      name: "the log bucket's policy grants everyone read and Block Public Access lets it",
      code: `${phiBucket}${logBucket}${logging()}${policiesAllowed}resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-phi-logs/*"
    }]
  })
}
`,
      errors: [{ messageId: "publicTarget", line: 10, column: 3, endLine: 10, endColumn: 40 }],
    },
    {
      name: "the log bucket has a public-read ACL in force",
      code: `${phiBucket}${logBucket}${logging()}resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket = aws_s3_bucket.logs.id
}
resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  acl    = "public-read"
}
`,
      errors: [{ messageId: "publicTarget", line: 10, column: 3, endLine: 10, endColumn: 40 }],
    },
    {
      name: "the log bucket's policy is known only after apply and Block Public Access lets it",
      code: `${phiBucket}${logBucket}${logging()}${policiesAllowed}data "aws_ssm_parameter" "policy" {
  name = "/acme/log-policy"
}
resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_ssm_parameter.policy.value
}
`,
      errors: [
        { messageId: "targetPublicUnknown", status: "unknown", line: 10, column: 3, endLine: 10, endColumn: 40 },
      ],
    },
    {
      name: "logs to a bucket outside the configuration",
      code: `${phiBucket}${logging(`"central-access-logs"`)}`,
      errors: [{ messageId: "targetOutside", status: "unknown", line: 7, column: 3, endLine: 7, endColumn: 40 }],
    },
    {
      name: "the target bucket is known only after apply",
      code: `${phiBucket}
data "aws_ssm_parameter" "target" {
  name = "/acme/log-bucket"
}
${logging("data.aws_ssm_parameter.target.value")}`,
      errors: [{ messageId: "targetUnknown", status: "unknown", line: 11, column: 3, endLine: 11, endColumn: 54 }],
    },
  ],
});
