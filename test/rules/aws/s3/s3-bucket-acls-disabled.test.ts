import rule from "../../../../src/rules/aws/s3/s3-bucket-acls-disabled.js";
import { testRule } from "../../../support/rule-tester.js";

const bucket = `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`;

const ownership = (
  value: string,
  target = "aws_s3_bucket.data.id",
) => `resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = ${target}
  rule {
    object_ownership = ${value}
  }
}
`;

testRule(rule, {
  valid: [
    { name: "BucketOwnerEnforced", code: `${bucket}${ownership(`"BucketOwnerEnforced"`)}` },
    { name: "no ownership controls: new buckets default to BucketOwnerEnforced", code: bucket },
    {
      name: "ownership controls joined by the literal bucket name",
      code: `${bucket}${ownership(`"BucketOwnerEnforced"`, `"acme-data"`)}`,
    },
  ],
  invalid: [
    {
      name: "BucketOwnerPreferred keeps ACLs",
      code: `${bucket}${ownership(`"BucketOwnerPreferred"`)}`,
      errors: [
        { messageId: "aclsEnabled", line: 7, column: 5, endLine: 7, endColumn: 46, address: "aws_s3_bucket.data" },
      ],
    },
    {
      name: "ObjectWriter keeps ACLs and lets writers own objects",
      code: `${bucket}${ownership(`"ObjectWriter"`)}`,
      errors: [{ messageId: "aclsEnabled", line: 7, column: 5, endLine: 7, endColumn: 38 }],
    },
    {
      name: "ownership known only after apply",
      code: `${bucket}
data "aws_ssm_parameter" "ownership" {
  name = "/acme/ownership"
}
${ownership("data.aws_ssm_parameter.ownership.value")}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 11, column: 5, endLine: 11, endColumn: 62 }],
    },
  ],
});
