import rule from "../../../../src/rules/aws/s3/s3-bucket-policy-no-public-principal.js";
import { testRule } from "../../../support/rule-tester.js";

const bucket = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`;

/** A bucket policy from an `aws_iam_policy_document` with the given statements. */
const documentPolicy = (statements: string) => `data "aws_iam_policy_document" "data" {
${statements}
}
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json
}
`;

/** An Allow of s3:GetObject on the objects to `principal`, with optional condition blocks. */
const allow = (sid: string, principal: string, conditions = "") => `  statement {
    sid       = "${sid}"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.data.arn}/*"]
    principals {
      ${principal}
    }
${conditions}  }`;

const everyone = `type        = "*"
      identifiers = ["*"]`;

const condition = (test: string, variable: string, values: string) => `    condition {
      test     = "${test}"
      variable = "${variable}"
      values   = ${values}
    }
`;

testRule(rule, {
  valid: [
    { name: "no bucket policy grants nothing", code: bucket },
    {
      name: "a service principal restricted to the source account",
      code: `${bucket}${documentPolicy(
        allow(
          "Logging",
          `type        = "Service"
      identifiers = ["logging.s3.amazonaws.com"]`,
          condition("StringEquals", "aws:SourceAccount", `["111122223333"]`),
        ),
      )}`,
    },
    {
      name: "everyone in the organization only",
      code: `${bucket}${documentPolicy(allow("Org", everyone, condition("StringEquals", "aws:PrincipalOrgID", `["o-abc123"]`)))}`,
    },
    {
      name: "a Deny for everyone is not a grant",
      code: `${bucket}resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`,
    },
  ],
  invalid: [
    {
      name: "Allow to Principal * without a condition",
      code: `${bucket}${documentPolicy(allow("PublicRead", everyone))}`,
      errors: [
        { messageId: "publicStatement", line: 5, column: 3, endLine: 14, endColumn: 4, address: "aws_s3_bucket.data" },
      ],
    },
    {
      name: "TLS is not a restriction on who",
      code: `${bucket}${documentPolicy(allow("TlsOnly", everyone, condition("Bool", "aws:SecureTransport", `["true"]`)))}`,
      errors: [{ messageId: "publicStatement", line: 5, column: 3, endLine: 19, endColumn: 4 }],
    },
    {
      name: "a wildcard in the restricting condition restricts nothing",
      code: `${bucket}${documentPolicy(allow("AnyAccount", everyone, condition("StringLike", "aws:SourceAccount", `["*"]`)))}`,
      errors: [{ messageId: "publicStatement", line: 5, column: 3, endLine: 19, endColumn: 4 }],
    },
    {
      name: "each public statement is reported",
      code: `${bucket}${documentPolicy(
        `${allow("A", everyone)}\n${allow(
          "B",
          `type        = "AWS"
      identifiers = ["*"]`,
        )}`,
      )}`,
      errors: [
        { messageId: "publicStatement", line: 5, column: 3, endLine: 14, endColumn: 4 },
        { messageId: "publicStatement", line: 15, column: 3, endLine: 24, endColumn: 4 },
      ],
    },
    {
      name: "jsonencode policy with AWS * located at the statement",
      code: `${bucket}resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-data/*"
    }]
  })
}
`,
      errors: [{ messageId: "publicStatement", line: 8, column: 18, endLine: 13, endColumn: 6 }],
    },
    {
      name: "the whole policy is known only after apply",
      code: `${bucket}
data "aws_ssm_parameter" "policy" {
  name = "/acme/data-bucket-policy"
}
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_ssm_parameter.policy.value
}
`,
      errors: [{ messageId: "policyUnknown", status: "unknown", line: 10, column: 3, endLine: 10, endColumn: 47 }],
    },
  ],
});
