import rule from "../../../../src/rules/aws/kms/kms-key-deletion-window.js";
import { testRule } from "../../../support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "not written: AWS waits 30 days",
      code: `resource "aws_kms_key" "phi" {
  enable_key_rotation = true
}
`,
    },
    {
      name: "30 days written",
      code: `resource "aws_kms_key" "phi" {
  deletion_window_in_days = 30
}
`,
    },
    {
      name: "14 days meets a lower configured minimum",
      code: `resource "aws_kms_key" "phi" {
  deletion_window_in_days = 14
}
`,
      options: { minDays: 14 },
    },
  ],
  invalid: [
    {
      name: "7 days",
      code: `resource "aws_kms_key" "phi" {
  deletion_window_in_days = 7
}
`,
      errors: [{ messageId: "tooShort", line: 2, column: 3, endLine: 2, endColumn: 30, address: "aws_kms_key.phi" }],
    },
    {
      name: "replica key with a short window",
      code: `resource "aws_kms_replica_key" "dr" {
  primary_key_arn         = "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"
  deletion_window_in_days = 10
}
`,
      errors: [{ messageId: "tooShort", line: 3, column: 3, endLine: 3, endColumn: 31 }],
    },
    {
      name: "29 days for each key of a for_each",
      code: `resource "aws_kms_key" "phi" {
  for_each                = toset(["a", "b"])
  deletion_window_in_days = 29
}
`,
      errors: [
        { messageId: "tooShort", line: 3, column: 3, endLine: 3, endColumn: 31, address: 'aws_kms_key.phi["a"]' },
        { messageId: "tooShort", line: 3, column: 3, endLine: 3, endColumn: 31, address: 'aws_kms_key.phi["b"]' },
      ],
    },
    {
      name: "window known only after apply",
      code: `data "aws_ssm_parameter" "window" {
  name = "/keys/window"
}
resource "aws_kms_key" "phi" {
  deletion_window_in_days = data.aws_ssm_parameter.window.value
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 5, column: 3, endLine: 5, endColumn: 64 }],
    },
  ],
});
