import rule from "../../../../src/rules/aws/kms/kms-key-rotation.js";
import { testRule } from "../../../support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "rotation enabled with AWS's default yearly period",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation = true
}
`,
    },
    {
      name: "rotation every 180 days",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation     = true
  rotation_period_in_days = 180
}
`,
    },
    {
      name: "asymmetric signing key cannot rotate and is exempt",
      code: `resource "aws_kms_key" "signing" {
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "RSA_2048"
}
`,
    },
    {
      name: "HMAC key is exempt",
      code: `resource "aws_kms_key" "mac" {
  key_usage                = "GENERATE_VERIFY_MAC"
  customer_master_key_spec = "HMAC_256"
}
`,
    },
    {
      name: "imported key material (EXTERNAL origin) is exempt",
      code: `resource "aws_kms_external_key" "byok" {
  description = "imported"
}
`,
    },
    {
      name: "a replica key rotates with its primary key and is exempt",
      code: `resource "aws_kms_replica_key" "dr" {
  primary_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"
}
`,
    },
    {
      name: "a key in a CloudHSM key store cannot rotate automatically and is exempt",
      code: `resource "aws_kms_key" "hsm" {
  custom_key_store_id = "cks-1234567890abcdef0"
}
`,
    },
  ],
  invalid: [
    {
      name: "rotation not written: AWS leaves it off",
      code: `resource "aws_kms_key" "phi" {
  description = "PHI"
}
`,
      errors: [{ messageId: "notEnabled", line: 1, column: 1, endLine: 3, endColumn: 2, address: "aws_kms_key.phi" }],
    },
    {
      name: "rotation disabled",
      code: `resource "aws_kms_key" "phi" {
  description         = "PHI"
  enable_key_rotation = false
}
`,
      errors: [{ messageId: "notEnabled", line: 3, column: 3, endLine: 3, endColumn: 30 }],
    },
    {
      name: "rotation period of two years",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation     = true
  rotation_period_in_days = 730
}
`,
      errors: [{ messageId: "periodTooLong", line: 3, column: 3, endLine: 3, endColumn: 32 }],
    },
    {
      name: "yearly rotation is too long for a stricter option",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation     = true
  rotation_period_in_days = 365
}
`,
      options: { maxRotationPeriodDays: 180 },
      errors: [{ messageId: "periodTooLong", line: 3, column: 3, endLine: 3, endColumn: 32 }],
    },
    {
      name: "rotation period below what AWS accepts",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation     = true
  rotation_period_in_days = 30
}
`,
      errors: [{ messageId: "periodInvalid", line: 3, column: 3, endLine: 3, endColumn: 31 }],
    },
    {
      name: "rotation flag known only after apply",
      code: `data "aws_ssm_parameter" "rotate" {
  name = "/keys/rotate"
}
resource "aws_kms_key" "phi" {
  enable_key_rotation = data.aws_ssm_parameter.rotate.value
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 5, column: 3, endLine: 5, endColumn: 60 }],
    },
    {
      name: "key spec known only after apply and rotation off",
      code: `data "aws_ssm_parameter" "spec" {
  name = "/keys/spec"
}
resource "aws_kms_key" "phi" {
  customer_master_key_spec = data.aws_ssm_parameter.spec.value
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 4, column: 1, endLine: 6, endColumn: 2 }],
    },
  ],
});
