import rule from "../../../../src/rules/aws/iam/iam-phi-access-requires-tls.js";
import { testRule } from "../../../support/rule-tester.js";

const phi = `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
  tags   = { classification = "phi" }
}
resource "aws_kms_key" "phi" {
  tags = { classification = "phi" }
}
`;

testRule(rule, {
  valid: [
    {
      name: "read over TLS only (aws_iam_policy_document)",
      code: `${phi}data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.phi.arn}/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}
resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}
`,
    },
    {
      name: "a Deny of requests without TLS in the same policy (jsonencode)",
      code: `${phi}resource "aws_iam_policy" "read" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.phi.arn}/*" },
      { Effect = "Deny", Action = "*", Resource = "*", Condition = { Bool = { "aws:SecureTransport" = "false" } } },
    ]
  })
}
`,
    },
    {
      name: "a policy that reaches no PHI is not judged",
      code: `${phi}resource "aws_s3_bucket" "public_site" {
  bucket = "acme-site"
}
resource "aws_iam_policy" "site" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.public_site.arn}/*" }] })
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "PHI objects readable without TLS (aws_iam_policy_document)",
      code: `${phi}data "aws_iam_policy_document" "read" {
  statement {
    sid       = "ReadExports"
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.phi.arn}/*"]
  }
}
resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}
`,
      errors: [
        { messageId: "withoutTls", line: 9, column: 3, endLine: 13, endColumn: 4, address: "aws_iam_policy.read" },
      ],
    },
    {
      name: "decrypt through S3 but without TLS in an inline aws_iam_role_policy (heredoc)",
      code: `${phi}resource "aws_iam_role_policy" "app" {
  role   = "app"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "kms:Decrypt",
    "Resource": "\${aws_kms_key.phi.arn}",
    "Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}
  }]
}
EOT
}
`,
      errors: [
        { messageId: "withoutTls", line: 10, column: 3, endLine: 20, endColumn: 4, address: "aws_iam_role_policy.app" },
      ],
    },
    {
      name: "GetObject on every resource without TLS reaches the PHI bucket (jsonencode)",
      code: `${phi}resource "aws_iam_policy" "all" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}
`,
      errors: [{ messageId: "withoutTls", line: 9, column: 38, endLine: 9, endColumn: 99 }],
    },
    {
      name: "PHI table items through a role's inline_policy block without TLS",
      code: `resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  tags = { classification = "ephi" }
}
resource "aws_iam_role" "app" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
  inline_policy {
    name   = "sessions"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem"], Resource = aws_dynamodb_table.sessions.arn }] })
  }
}
`,
      errors: [
        { messageId: "withoutTls", line: 14, column: 40, endLine: 14, endColumn: 135, address: "aws_iam_role.app" },
      ],
    },
    {
      name: "the TLS condition's value known only after apply",
      code: `${phi}data "aws_ssm_parameter" "tls" {
  name = "/iam/tls"
}
resource "aws_iam_policy" "read" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.phi.arn}/*"
      Condition = { Bool = { "aws:SecureTransport" = data.aws_ssm_parameter.tls.value } }
    }]
  })
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 13, column: 18, endLine: 18, endColumn: 6 }],
    },
  ],
});
