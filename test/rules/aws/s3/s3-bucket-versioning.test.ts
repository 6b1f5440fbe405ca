import rule from "../../../../src/rules/aws/s3/s3-bucket-versioning.js";
import { testRule } from "../../../support/rule-tester.js";

const phiBucket = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
`;

testRule(rule, {
  valid: [
    {
      name: "separate versioning resource joined by reference",
      code: `${phiBucket}
resource "aws_s3_bucket_versioning" "phi" {
  bucket = aws_s3_bucket.phi.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
    },
    {
      name: "joined by literal bucket name",
      code: `${phiBucket}
resource "aws_s3_bucket_versioning" "phi" {
  bucket = "acme-phi"
  versioning_configuration {
    status = "Enabled"
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
      name: "no versioning at all",
      code: phiBucket,
      errors: [{ messageId: "notEnabled", line: 1, column: 1, endLine: 4, endColumn: 2, address: "aws_s3_bucket.phi" }],
    },
    {
      name: "versioning suspended",
      code: `${phiBucket}
resource "aws_s3_bucket_versioning" "phi" {
  bucket = aws_s3_bucket.phi.id
  versioning_configuration {
    status = "Suspended"
  }
}
`,
      errors: [{ messageId: "notEnabled", line: 9, column: 5, endLine: 9, endColumn: 25 }],
    },
    {
      name: "versioning resource with count = 0 does not count",
      code: `${phiBucket}
variable "enabled" {
  type    = bool
  default = false
}
resource "aws_s3_bucket_versioning" "phi" {
  count  = var.enabled ? 1 : 0
  bucket = aws_s3_bucket.phi.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
      errors: [{ messageId: "notEnabled", line: 1, column: 1, endLine: 4, endColumn: 2 }],
    },
    {
      name: "status known only after apply",
      code: `${phiBucket}
data "aws_ssm_parameter" "versioning" {
  name = "/acme/phi/versioning"
}
resource "aws_s3_bucket_versioning" "phi" {
  bucket = aws_s3_bucket.phi.id
  versioning_configuration {
    status = data.aws_ssm_parameter.versioning.value
  }
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 12, column: 5, endLine: 12, endColumn: 53 }],
    },
  ],
});
