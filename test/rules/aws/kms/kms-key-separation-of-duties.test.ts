import rule from "../../../../src/rules/aws/kms/kms-key-separation-of-duties.js";
import { testRule } from "../../../support/rule-tester.js";

const adminActions = `["kms:CreateAlias", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"]`;

testRule(rule, {
  valid: [
    {
      name: "administrator and user roles in separate statements (aws_iam_policy_document)",
      code: `data "aws_iam_policy_document" "key" {
  statement {
    sid       = "Admin"
    actions   = ${adminActions}
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/key-admin"]
    }
  }
  statement {
    sid       = "Use"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/app"]
    }
  }
}
resource "aws_kms_key" "phi" {
  policy = data.aws_iam_policy_document.key.json
}
`,
    },
    {
      name: "account root administers; a service encrypts and describes (jsonencode)",
      code: `resource "aws_kms_key" "logs" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = ["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:DescribeKey"], Resource = "*" },
      { Effect = "Allow", Principal = { Service = "logs.us-east-1.amazonaws.com" }, Action = ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*"], Resource = "*" },
    ]
  })
}
`,
    },
    {
      name: "an administrator's CreateGrant limited to AWS resources",
      code: `resource "aws_kms_key" "phi" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/key-admin" }
      Action    = ["kms:PutKeyPolicy", "kms:CreateGrant"]
      Resource  = "*"
      Condition = { Bool = { "kms:GrantIsForAWSResource" = "true" } }
    }]
  })
}
`,
    },
  ],
  invalid: [
    {
      name: "no key policy: the default gives the account root kms:*",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation = true
}
`,
      errors: [
        { messageId: "defaultKeyPolicy", line: 1, column: 1, endLine: 3, endColumn: 2, address: "aws_kms_key.phi" },
      ],
    },
    {
      name: "the default key policy written out: root has kms:* (jsonencode)",
      code: `resource "aws_kms_key" "phi" {
  policy = jsonencode({
    Statement = [{ Sid = "Enable IAM User Permissions", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }]
  })
}
`,
      errors: [{ messageId: "adminCanUse", line: 3, column: 18, endLine: 3, endColumn: 165 }],
    },
    {
      name: "administrators (root and a DBA role) may also decrypt (aws_iam_policy_document)",
      code: `resource "aws_iam_role" "dba" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" } }] })
}
data "aws_iam_policy_document" "key" {
  statement {
    sid       = "KeyAdministration"
    actions   = ["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root", aws_iam_role.dba.arn]
    }
  }
}
resource "aws_kms_key" "records" {
  policy = data.aws_iam_policy_document.key.json
}
`,
      errors: [
        { messageId: "adminCanUse", line: 5, column: 3, endLine: 13, endColumn: 4, address: "aws_kms_key.records" },
      ],
    },
    {
      name: "the administrator is also named as a user in an aws_kms_key_policy (heredoc)",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation = true
}
resource "aws_kms_key_policy" "phi" {
  key_id = aws_kms_key.phi.id
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Admin", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["kms:PutKeyPolicy", "kms:DisableKey"], "Resource": "*"},
    {"Sid": "Use", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:Decrypt", "Resource": "*"}
  ]
}
EOT
}
`,
      errors: [{ messageId: "adminCanUse", line: 6, column: 3, endLine: 14, endColumn: 4 }],
    },
    {
      name: "an administrator's unrestricted CreateGrant lets it grant itself Decrypt",
      code: `resource "aws_kms_key" "phi" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/key-admin" }
      Action    = ["kms:PutKeyPolicy", "kms:CreateGrant"]
      Resource  = "*"
    }]
  })
}
`,
      errors: [{ messageId: "adminCanUse", line: 3, column: 18, endLine: 8, endColumn: 6 }],
    },
    {
      name: "key users known only after apply might include the administrator",
      code: `data "aws_ssm_parameter" "users" {
  name = "/kms/users"
}
resource "aws_kms_key" "phi" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:role/key-admin" }, Action = "kms:PutKeyPolicy", Resource = "*" },
      { Effect = "Allow", Principal = data.aws_ssm_parameter.users.value, Action = "kms:Decrypt", Resource = "*" },
    ]
  })
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 8, column: 7, endLine: 8, endColumn: 115 }],
    },
  ],
});
