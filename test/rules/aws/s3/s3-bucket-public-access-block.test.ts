import rule from "../../../../src/rules/aws/s3/s3-bucket-public-access-block.js";
import { testRule } from "../../../support/rule-tester.js";

const bucket = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`;

const block = (
  flags: string,
  target = "aws_s3_bucket.data.id",
) => `resource "aws_s3_bucket_public_access_block" "data" {
  bucket = ${target}
${flags}
}
`;

const allFour = `  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true`;

const forEach = (restrict: string) => `locals {
  restrict = ${restrict}
}
resource "aws_s3_bucket" "data" {
  for_each = local.restrict
  bucket   = "acme-\${each.key}"
}
resource "aws_s3_bucket_public_access_block" "data" {
  for_each                = local.restrict
  bucket                  = aws_s3_bucket.data[each.key].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = each.value
}
`;

testRule(rule, {
  valid: [
    { name: "all four settings on", code: `${bucket}${block(allFour)}` },
    { name: "no public access block: new buckets have all four on", code: bucket },
    {
      name: "for_each bucket map: each bucket joined to its own block by each.key",
      code: forEach(`{ a = true, b = true }`),
      passes: 2,
    },
    { name: "block joined by the literal bucket name", code: `${bucket}${block(allFour, `"acme-data"`)}` },
  ],
  invalid: [
    {
      name: "block_public_policy off",
      code: `${bucket}${block(`  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true`)}`,
      errors: [
        { messageId: "notBlocked", line: 7, column: 3, endLine: 7, endColumn: 34, address: "aws_s3_bucket.data" },
      ],
    },
    {
      name: "two settings not written: the provider's false applies, located at the block",
      code: `${bucket}${block(`  block_public_acls  = true
  ignore_public_acls = true`)}`,
      errors: [{ messageId: "notBlocked", line: 4, column: 1, endLine: 8, endColumn: 2 }],
    },
    {
      name: "for_each bucket map: only the bucket whose own block is off fails",
      code: forEach(`{ a = true, b = false }`),
      errors: [
        {
          messageId: "notBlocked",
          line: 14,
          column: 3,
          endLine: 14,
          endColumn: 39,
          address: 'aws_s3_bucket.data["b"]',
        },
      ],
    },
    {
      name: "a setting known only after apply",
      code: `${bucket}
data "aws_ssm_parameter" "restrict" {
  name = "/acme/restrict"
}
${block(`  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = data.aws_ssm_parameter.restrict.value`)}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 13, column: 3, endLine: 13, endColumn: 66 }],
    },
  ],
});
