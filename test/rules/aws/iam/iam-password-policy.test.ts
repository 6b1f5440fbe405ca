import rule from "../../../../src/rules/aws/iam/iam-password-policy.js";
import { testRule } from "../../../support/rule-tester.js";

const strong = `resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 90
  allow_users_to_change_password = true
}
`;

testRule(rule, {
  valid: [
    { name: "every requirement met", code: strong },
    {
      name: "a configuration without AWS resources has no account to judge",
      code: `variable "name" {
  type    = string
  default = "x"
}
output "name" {
  value = var.name
}
`,
      passes: 0,
    },
    {
      name: "lower thresholds by option",
      code: strong.replace("= 14", "= 12").replace("= 24", "= 12").replace("= 90", "= 180"),
      options: { minLength: 12, minReusePrevention: 12, maxAgeDays: 180 },
    },
  ],
  invalid: [
    {
      name: "no password policy: points at the aws provider block",
      code: `provider "aws" {
  region = "us-east-1"
}
resource "aws_iam_user" "ops" {
  name = "ops"
}
`,
      errors: [
        {
          messageId: "missing",
          line: 1,
          column: 1,
          endLine: 3,
          endColumn: 2,
          address: "account",
        },
      ],
    },
    {
      name: "no password policy and no provider block: points at the first AWS resource",
      code: `variable "name" {
  type    = string
  default = "acme-b"
}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
`,
      errors: [{ messageId: "missing", line: 5, column: 1, endLine: 7, endColumn: 2, address: "account" }],
    },
    {
      name: "8 characters, no reuse prevention, no expiry: points at the first written shortfall",
      code: `resource "aws_iam_account_password_policy" "this" {
  require_lowercase_characters = true
  minimum_password_length      = 8
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}
`,
      errors: [{ messageId: "weak", line: 3, column: 3, endLine: 3, endColumn: 35 }],
    },
    {
      name: "character classes not written: points at the block",
      code: `resource "aws_iam_account_password_policy" "this" {
  minimum_password_length   = 16
  password_reuse_prevention = 24
  max_password_age          = 60
}
`,
      errors: [{ messageId: "weak", line: 1, column: 1, endLine: 5, endColumn: 2 }],
    },
    {
      name: "max_password_age 0 means passwords never expire",
      code: strong.replace("= 90", "= 0"),
      errors: [{ messageId: "weak", line: 8, column: 3, endLine: 8, endColumn: 37 }],
    },
    {
      name: "minimum length known only after apply",
      code: `data "aws_ssm_parameter" "length" {
  name = "/iam/password-length"
}
${strong.replace("= 14", "= data.aws_ssm_parameter.length.value")}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 5, column: 3, endLine: 5, endColumn: 71 }],
    },
  ],
});
