import rule from "../../../../src/rules/aws/s3/s3-bucket-min-tls-version.js";
import { testRule } from "../../../support/rule-tester.js";

const phiBucket = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
`;

/** A bucket policy denying every principal `s3:*` on `resources` under one condition. */
const denyPolicy = (
  condition: string,
  resources = `[aws_s3_bucket.phi.arn, "\${aws_s3_bucket.phi.arn}/*"]`,
) => `data "aws_iam_policy_document" "phi" {
  statement {
    sid       = "DenyOldTls"
    effect    = "Deny"
    actions   = ["s3:*"]
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

const lessThan12 = `test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]`;

testRule(rule, {
  valid: [
    { name: "Deny s3:TlsVersion NumericLessThan 1.2", code: `${phiBucket}${denyPolicy(lessThan12)}` },
    {
      name: "Deny s3:TlsVersion NumericLessThanEquals 1.1",
      code: `${phiBucket}${denyPolicy(`test     = "NumericLessThanEquals"
      variable = "s3:TlsVersion"
      values   = ["1.1"]`)}`,
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
      name: "no bucket policy",
      code: phiBucket,
      errors: [{ messageId: "noPolicy", line: 1, column: 1, endLine: 4, endColumn: 2, address: "aws_s3_bucket.phi" }],
    },
    {
      name: "only the TLS-only deny, no TLS version condition",
      code: `${phiBucket}${denyPolicy(`test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]`)}`,
      errors: [{ messageId: "notDenied", line: 5, column: 1, endLine: 21, endColumn: 2 }],
    },
    {
      name: "denies TLS 1.0 only",
      code: `${phiBucket}${denyPolicy(`test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.1"]`)}`,
      errors: [{ messageId: "notDenied", line: 5, column: 1, endLine: 21, endColumn: 2 }],
    },
    {
      name: "covers the bucket but not its objects",
      code: `${phiBucket}${denyPolicy(lessThan12, "[aws_s3_bucket.phi.arn]")}`,
      errors: [{ messageId: "notDenied", line: 5, column: 1, endLine: 21, endColumn: 2 }],
    },
    {
      name: "the version bound is known only after apply",
      code: `${phiBucket}
data "aws_ssm_parameter" "tls" {
  name = "/acme/min-tls"
}
${denyPolicy(`test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = [data.aws_ssm_parameter.tls.value]`)}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 10, column: 3, endLine: 24, endColumn: 4 }],
    },
  ],
});
