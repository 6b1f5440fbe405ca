import rule from "../../../../src/rules/aws/backend/backend-s3-encryption.js";
import { testRule } from "../../../support/rule-tester.js";

/** A root module whose `backend "s3"` block holds `settings` after bucket, key and region. */
const backend = (settings: string) => `terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "prod/terraform.tfstate"
    region = "us-east-1"
${settings}
  }
}
`;

const keyArn = "arn:aws:kms:us-east-1:111122223333:key/0b6c2f41-7d3e-4c55-9a61-2f5d8e9c1a70";

testRule(rule, {
  valid: [
    {
      name: "encrypt with a customer-managed key by ARN",
      code: backend(`    encrypt    = true
    kms_key_id = "${keyArn}"`),
    },
    {
      name: "encrypt with a customer-managed key by alias",
      code: backend(`    encrypt    = true
    kms_key_id = "alias/terraform-state"`),
    },
    {
      name: "local state: no S3 backend to judge",
      code: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
`,
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "encrypt not set",
      code: backend(`    kms_key_id = "${keyArn}"`),
      errors: [
        { messageId: "notEncrypted", line: 2, column: 3, endLine: 7, endColumn: 4, address: "terraform.backend.s3" },
      ],
    },
    {
      name: "encrypt = false",
      code: backend("    encrypt = false"),
      errors: [{ messageId: "notEncrypted", line: 6, column: 5, endLine: 6, endColumn: 20 }],
    },
    {
      name: "encrypt without kms_key_id: SSE-S3",
      code: backend("    encrypt = true"),
      errors: [{ messageId: "noKmsKey", line: 2, column: 3, endLine: 7, endColumn: 4 }],
    },
    {
      name: "the AWS-managed aws/s3 key",
      code: backend(`    encrypt    = true
    kms_key_id = "alias/aws/s3"`),
      errors: [{ messageId: "awsManagedKey", line: 7, column: 5, endLine: 7, endColumn: 32 }],
    },
    {
      name: "a partial configuration completed at init cannot be judged",
      code: `terraform {
  backend "s3" {}
}
`,
      errors: [{ messageId: "partial", status: "unknown", line: 2, column: 3, endLine: 2, endColumn: 18 }],
    },
  ],
});
