import rule from "../../../../src/rules/aws/iam/iam-no-data-access-on-all-resources.js";
import { testRule } from "../../../support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "data access on named objects; Describe on everything (aws_iam_policy_document)",
      code: `resource "aws_s3_bucket" "phi" {
  bucket = "acme-phi"
}
data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.phi.arn}/*"]
  }
  statement {
    actions   = ["kms:DescribeKey", "s3:ListAllMyBuckets"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}
`,
    },
    {
      name: "a Deny on every resource grants nothing (jsonencode)",
      code: `resource "aws_iam_policy" "guard" {
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Action = "s3:GetObject", Resource = "*", Condition = { Bool = { "aws:SecureTransport" = "false" } } }]
  })
}
`,
    },
  ],
  invalid: [
    {
      name: "s3:GetObject on * (aws_iam_policy_document)",
      code: `data "aws_iam_policy_document" "reporting" {
  statement {
    sid       = "ReadEverything"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "reporting" {
  policy = data.aws_iam_policy_document.reporting.json
}
`,
      errors: [
        { messageId: "dataOnAll", line: 2, column: 3, endLine: 6, endColumn: 4, address: "aws_iam_policy.reporting" },
      ],
    },
    {
      name: "kms:Decrypt on every key of the account in an inline aws_iam_role_policy (heredoc)",
      code: `resource "aws_iam_role_policy" "app" {
  role   = "app"
  policy = <<EOT
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:us-east-1:111122223333:key/*"}]}
EOT
}
`,
      errors: [
        { messageId: "dataOnAll", line: 3, column: 3, endLine: 5, endColumn: 4, address: "aws_iam_role_policy.app" },
      ],
    },
    {
      name: "dynamodb:* on * in a role's inline_policy block (jsonencode)",
      code: `resource "aws_iam_role" "app" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
  inline_policy {
    name   = "tables"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "dynamodb:*", Resource = "*" }] })
  }
}
`,
      errors: [{ messageId: "dataOnAll", line: 5, column: 40, endLine: 5, endColumn: 99, address: "aws_iam_role.app" }],
    },
    {
      name: "every object of every bucket",
      code: `resource "aws_iam_policy" "objects" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:PutObject"], Resource = "arn:aws:s3:::*/*" }] })
}
`,
      errors: [{ messageId: "dataOnAll", line: 2, column: 38, endLine: 2, endColumn: 116 }],
    },
    {
      name: "NotResource grants on everything else",
      code: `resource "aws_iam_policy" "almost_all" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", NotResource = "arn:aws:s3:::secrets/*" }] })
}
`,
      errors: [{ messageId: "dataOnAll", line: 2, column: 38, endLine: 2, endColumn: 123 }],
    },
    {
      name: "resource read from a parameter might be *",
      code: `data "aws_ssm_parameter" "scope" {
  name = "/iam/scope"
}
resource "aws_iam_policy" "read" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = data.aws_ssm_parameter.scope.value }] })
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 5, column: 38, endLine: 5, endColumn: 130 }],
    },
  ],
});
