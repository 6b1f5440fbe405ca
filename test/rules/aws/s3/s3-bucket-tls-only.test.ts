import rule from "../../../../src/rules/aws/s3/s3-bucket-tls-only.js";
import { testRule } from "../../../support/rule-tester.js";

const phiBucket = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
`;

/** A bucket policy built from one `aws_iam_policy_document` statement denying when `condition` holds. */
const denyDocument = (
  resources: string,
  condition = `test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]`,
  actions = `["s3:*"]`,
) => `data "aws_iam_policy_document" "phi" {
  statement {
    sid       = "ForceTLSOnly"
    effect    = "Deny"
    actions   = ${actions}
    resources = ${resources}
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      ${condition}
    }
  }
}
resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = data.aws_iam_policy_document.phi.json
}
`;

const bucketAndObjects = `[aws_s3_bucket.phi.arn, "\${aws_s3_bucket.phi.arn}/*"]`;

testRule(rule, {
  valid: [
    {
      name: "ForceTLSOnly from an aws_iam_policy_document, on the bucket and its objects",
      code: `${phiBucket}${denyDocument(bucketAndObjects)}`,
    },
    {
      name: "jsonencode policy naming the bucket by its literal ARN, BoolIfExists",
      code: `${phiBucket}resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ForceTLSOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-phi", "arn:aws:s3:::acme-phi/*"]
      Condition = { BoolIfExists = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`,
    },
    {
      name: "for_each bucket map: each bucket's own policy by each.key",
      code: `locals {
  buckets = toset(["claims", "imaging"])
}
resource "aws_s3_bucket" "phi" {
  for_each = local.buckets
  bucket   = "acme-\${each.key}"
  tags     = { classification = "phi" }
}
resource "aws_s3_bucket_policy" "phi" {
  for_each = local.buckets
  bucket   = aws_s3_bucket.phi[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.phi[each.key].arn, "\${aws_s3_bucket.phi[each.key].arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`,
      passes: 2,
    },
  ],
  invalid: [
    {
      name: "no bucket policy",
      code: phiBucket,
      errors: [{ messageId: "noPolicy", line: 1, column: 1, endLine: 4, endColumn: 2, address: "aws_s3_bucket.phi" }],
    },
    {
      name: "the deny covers the objects only: located at the policy document",
      code: `${phiBucket}${denyDocument(`["\${aws_s3_bucket.phi.arn}/*"]`)}`,
      errors: [{ messageId: "notDenied", line: 5, column: 1, endLine: 21, endColumn: 2 }],
    },
    {
      name: "the deny names another bucket",
      code: `${phiBucket}${denyDocument(`["arn:aws:s3:::acme-other", "arn:aws:s3:::acme-other/*"]`)}`,
      errors: [{ messageId: "notDenied", line: 5, column: 1, endLine: 21, endColumn: 2 }],
    },
    {
      name: "the deny covers reads only",
      code: `${phiBucket}${denyDocument(bucketAndObjects, undefined, `["s3:GetObject"]`)}`,
      errors: [{ messageId: "notDenied", line: 5, column: 1, endLine: 21, endColumn: 2 }],
    },
    {
      name: "the condition value is known only after apply: located at the statement",
      code: `${phiBucket}
data "aws_ssm_parameter" "flag" {
  name = "/acme/flag"
}
${denyDocument(
  bucketAndObjects,
  `test     = "Bool"
      variable = "aws:SecureTransport"
      values   = [data.aws_ssm_parameter.flag.value]`,
)}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 10, column: 3, endLine: 24, endColumn: 4 }],
    },
  ],
});
