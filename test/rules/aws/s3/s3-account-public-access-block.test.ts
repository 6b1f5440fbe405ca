import rule from "../../../../src/rules/aws/s3/s3-account-public-access-block.js";
import { testRule } from "../../../support/rule-tester.js";

const provider = `provider "aws" {
  region = "us-east-1"
}
`;

const accountBlock = (flags: string) => `resource "aws_s3_account_public_access_block" "this" {
${flags}
}
`;

const allFour = `  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true`;

testRule(rule, {
  valid: [
    { name: "all four account-level settings on", code: `${provider}${accountBlock(allFour)}` },
    {
      name: "the account-level block in a child module",
      code: {
        "main.tf": `module "account" {
  source = "./modules/account"
}
`,
        "modules/account/main.tf": accountBlock(allFour),
      },
    },
    {
      name: "a configuration without any AWS provider or resource is not judged",
      code: `variable "name" {
  type    = string
  default = "x"
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "no account-level block: reported at the root aws provider",
      code: `${provider}resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 3, endColumn: 2, address: "account" }],
    },
    {
      name: "no account-level block and no provider block: reported at the first AWS resource",
      code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 3, endColumn: 2, address: "account" }],
    },
    {
      name: "no account-level block, AWS resources only in a module: reported at the module call",
      code: {
        "main.tf": `locals {
  name = "acme-data"
}
module "data" {
  source = "./modules/data"
  name   = local.name
}
`,
        "modules/data/main.tf": `variable "name" {
  type = string
}
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
`,
      },
      errors: [{ messageId: "missing", line: 4, column: 1, endLine: 7, endColumn: 2, address: "account" }],
    },
    {
      name: "block_public_policy off",
      code: `${provider}${accountBlock(`  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true`)}`,
      errors: [
        {
          messageId: "notBlocked",
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 34,
          address: "aws_s3_account_public_access_block.this",
        },
      ],
    },
    {
      name: "settings not written default to false",
      code: `${provider}${accountBlock("  block_public_acls = true")}`,
      errors: [{ messageId: "notBlocked", line: 4, column: 1, endLine: 6, endColumn: 2 }],
    },
    {
      name: "a setting known only after apply",
      code: `${provider}
data "aws_ssm_parameter" "acls" {
  name = "/acme/acls"
}
${accountBlock(`  block_public_acls       = data.aws_ssm_parameter.acls.value
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true`)}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 9, column: 3, endLine: 9, endColumn: 62 }],
    },
  ],
});
