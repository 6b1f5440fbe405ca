import rule from "../../../../src/rules/aws/kms/kms-key-policy-no-public-access.js";
import { testRule } from "../../../support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "named principals from an aws_iam_policy_document",
      code: `data "aws_iam_policy_document" "key" {
  statement {
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}
resource "aws_kms_key" "phi" {
  policy = data.aws_iam_policy_document.key.json
}
`,
    },
    {
      name: "wildcard principal narrowed to the account and to S3 (jsonencode)",
      code: `resource "aws_kms_key" "phi" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource  = "*"
      Condition = {
        StringEquals = {
          "kms:CallerAccount" = "111122223333"
          "kms:ViaService"    = "s3.us-east-1.amazonaws.com"
        }
      }
    }]
  })
}
`,
    },
    {
      name: "no policy: the default key policy trusts only the account",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation = true
}
`,
    },
  ],
  invalid: [
    {
      name: "aws_iam_policy_document statement with AWS * principal",
      code: `data "aws_iam_policy_document" "key" {
  statement {
    sid       = "Admin"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
  statement {
    sid       = "Everyone"
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
resource "aws_kms_key" "phi" {
  policy = data.aws_iam_policy_document.key.json
}
`,
      errors: [
        { messageId: "publicGrant", line: 11, column: 3, endLine: 19, endColumn: 4, address: "aws_kms_key.phi" },
      ],
    },
    {
      name: "kms:* to Principal * in jsonencode",
      code: `resource "aws_kms_key" "phi" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}
`,
      errors: [{ messageId: "publicGrant", line: 4, column: 18, endLine: 4, endColumn: 89 }],
    },
    {
      name: "heredoc JSON in a separate aws_kms_key_policy, condition on TLS only",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation = true
}
resource "aws_kms_key_policy" "phi" {
  key_id = aws_kms_key.phi.id
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"AWS": "*"},
    "Action": ["kms:Encrypt", "kms:Decrypt"],
    "Resource": "*",
    "Condition": {"Bool": {"aws:SecureTransport": "true"}}
  }]
}
EOT
}
`,
      errors: [{ messageId: "publicGrant", line: 6, column: 3, endLine: 17, endColumn: 4 }],
    },
    {
      name: "a CallerAccount pattern of * restricts nobody",
      code: `resource "aws_kms_key" "phi" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringLike = { "kms:CallerAccount" = "*" } }
    }]
  })
}
`,
      errors: [{ messageId: "publicGrant", line: 3, column: 18, endLine: 9, endColumn: 6 }],
    },
    {
      name: "principal known only after apply",
      code: `data "aws_ssm_parameter" "who" {
  name = "/keys/who"
}
resource "aws_kms_key" "phi" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = data.aws_ssm_parameter.who.value }
      Action    = "kms:Decrypt"
      Resource  = "*"
    }]
  })
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 6, column: 18, endLine: 11, endColumn: 6 }],
    },
  ],
});
