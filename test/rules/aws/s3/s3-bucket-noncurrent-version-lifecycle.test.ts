import rule from "../../../../src/rules/aws/s3/s3-bucket-noncurrent-version-lifecycle.js";
import { testRule } from "../../../support/rule-tester.js";

const phiBucket = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
`;

const lifecycle = (rules: string) => `resource "aws_s3_bucket_lifecycle_configuration" "phi" {
  bucket = aws_s3_bucket.phi.id
${rules}
}
`;

const rule_ = (status: string, action: string) => `  rule {
    id     = "r"
    status = ${status}
    filter {}
${action}
  }`;

const expireNoncurrent = `    noncurrent_version_expiration {
      noncurrent_days = 2192
    }`;
const transitionNoncurrent = `    noncurrent_version_transition {
      noncurrent_days = 30
      storage_class   = "GLACIER"
    }`;
const transitionCurrent = `    transition {
      days          = 90
      storage_class = "STANDARD_IA"
    }`;

testRule(rule, {
  valid: [
    { name: "noncurrent versions expire", code: `${phiBucket}${lifecycle(rule_(`"Enabled"`, expireNoncurrent))}` },
    {
      name: "noncurrent versions transition, in the second rule",
      code: `${phiBucket}${lifecycle(`${rule_(`"Enabled"`, transitionCurrent)}\n${rule_(`"Enabled"`, transitionNoncurrent)}`)}`,
    },
    {
      name: "legacy inline lifecycle_rule",
      code: `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
  lifecycle_rule {
    enabled = true
    noncurrent_version_expiration {
      days = 365
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "no lifecycle configuration",
      code: phiBucket,
      errors: [{ messageId: "noRule", line: 1, column: 1, endLine: 4, endColumn: 2, address: "aws_s3_bucket.phi" }],
    },
    {
      name: "only current versions are transitioned",
      code: `${phiBucket}${lifecycle(rule_(`"Enabled"`, transitionCurrent))}`,
      errors: [{ messageId: "noRule", line: 5, column: 1, endLine: 16, endColumn: 2 }],
    },
    {
      name: "the noncurrent-version rule is disabled",
      code: `${phiBucket}${lifecycle(rule_(`"Disabled"`, expireNoncurrent))}`,
      errors: [{ messageId: "noRule", line: 5, column: 1, endLine: 15, endColumn: 2 }],
    },
    {
      name: "the rule status is known only after apply",
      code: `${phiBucket}
data "aws_ssm_parameter" "status" {
  name = "/acme/lifecycle-status"
}
${lifecycle(rule_("data.aws_ssm_parameter.status.value", expireNoncurrent))}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 11, column: 3, endLine: 18, endColumn: 4 }],
    },
  ],
});
