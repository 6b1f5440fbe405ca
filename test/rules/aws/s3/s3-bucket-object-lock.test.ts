import rule from "../../../../src/rules/aws/s3/s3-bucket-object-lock.js";
import { testRule } from "../../../support/rule-tester.js";

const lockedBucket = `resource "aws_s3_bucket" "phi" {
  bucket              = "acme-phi"
  object_lock_enabled = true
  tags                = { classification = "phi" }
}
`;

const lockConfiguration = (retention: string) => `resource "aws_s3_bucket_object_lock_configuration" "phi" {
  bucket = aws_s3_bucket.phi.id
  rule {
    default_retention {
${retention}
    }
  }
}
`;

const governance30 = `      mode = "GOVERNANCE"
      days = 30`;

testRule(rule, {
  valid: [
    {
      name: "Object Lock with a GOVERNANCE default retention",
      code: `${lockedBucket}${lockConfiguration(governance30)}`,
    },
    {
      name: "COMPLIANCE retention in years",
      code: `${lockedBucket}${lockConfiguration(`      mode  = "COMPLIANCE"
      years = 6`)}`,
    },
    {
      name: "retention meets a configured minimum",
      code: `${lockedBucket}${lockConfiguration(`      mode  = "COMPLIANCE"
      years = 6`)}`,
      options: { minRetentionDays: 2190, modes: ["COMPLIANCE"] },
    },
    {
      name: "legacy inline Object Lock configuration",
      code: `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
  object_lock_configuration {
    object_lock_enabled = "Enabled"
    rule {
      default_retention {
        mode = "GOVERNANCE"
        days = 365
      }
    }
  }
}
`,
    },
    {
      name: "an access-log target bucket is exempt",
      code: `${lockedBucket}${lockConfiguration(governance30)}
resource "aws_s3_bucket" "logs" {
  bucket = "acme-phi-logs"
  tags   = { classification = "phi" }
}
resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = aws_s3_bucket.logs.id
}
`,
      passes: 1,
    },
  ],
  invalid: [
    {
      name: "no Object Lock",
      code: `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
`,
      errors: [{ messageId: "notEnabled", line: 1, column: 1, endLine: 4, endColumn: 2, address: "aws_s3_bucket.phi" }],
    },
    {
      name: "Object Lock without a default retention",
      code: lockedBucket,
      errors: [{ messageId: "noDefaultRetention", line: 1, column: 1, endLine: 5, endColumn: 2 }],
    },
    {
      name: "a configuration resource without a retention rule",
      code: `${lockedBucket}resource "aws_s3_bucket_object_lock_configuration" "phi" {
  bucket = aws_s3_bucket.phi.id
}
`,
      errors: [{ messageId: "noDefaultRetention", line: 6, column: 1, endLine: 8, endColumn: 2 }],
    },
    {
      name: "a mode that is not allowed by the options",
      code: `${lockedBucket}${lockConfiguration(governance30)}`,
      options: { minRetentionDays: 1, modes: ["COMPLIANCE"] },
      errors: [{ messageId: "modeNotAllowed", line: 10, column: 7, endLine: 10, endColumn: 26 }],
    },
    {
      name: "retention shorter than the configured minimum",
      code: `${lockedBucket}${lockConfiguration(governance30)}`,
      options: { minRetentionDays: 365, modes: ["GOVERNANCE", "COMPLIANCE"] },
      errors: [{ messageId: "retentionTooShort", line: 11, column: 7, endLine: 11, endColumn: 16 }],
    },
    {
      name: "retention period known only after apply",
      code: `${lockedBucket}
data "aws_ssm_parameter" "days" {
  name = "/acme/retention-days"
}
${lockConfiguration(`      mode = "GOVERNANCE"
      days = data.aws_ssm_parameter.days.value`)}`,
      errors: [{ messageId: "periodUnknown", status: "unknown", line: 15, column: 7, endLine: 15, endColumn: 47 }],
    },
  ],
});
