import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-log-group-kms.js";
import { testRule } from "../../../support/rule-tester.js";

const key = `resource "aws_kms_key" "logs" {
  enable_key_rotation = true
}
`;

testRule(rule, {
  valid: [
    {
      name: "key of the configuration by ARN",
      code: `${key}resource "aws_cloudwatch_log_group" "app" {
  name       = "/app/intake"
  kms_key_id = aws_kms_key.logs.arn
}
`,
    },
    {
      name: "literal ARN of a key managed elsewhere",
      code: `resource "aws_cloudwatch_log_group" "app" {
  name       = "/app/intake"
  kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
    },
    {
      name: "every instance of a for_each encrypted",
      code: `${key}resource "aws_cloudwatch_log_group" "app" {
  for_each   = toset(["api", "worker"])
  name       = "/app/\${each.key}"
  kms_key_id = aws_kms_key.logs.arn
}
`,
      passes: 2,
    },
  ],
  invalid: [
    {
      name: "no kms_key_id",
      code: `resource "aws_cloudwatch_log_group" "app" {
  name = "/app/intake"
}
`,
      errors: [
        {
          messageId: "notEncrypted",
          line: 1,
          column: 1,
          endLine: 3,
          endColumn: 2,
          address: "aws_cloudwatch_log_group.app",
        },
      ],
    },
    {
      name: "an AWS-managed alias",
      code: `resource "aws_cloudwatch_log_group" "app" {
  name       = "/app/intake"
  kms_key_id = "alias/aws/logs"
}
`,
      errors: [{ messageId: "notCustomerManaged", line: 3, column: 3, endLine: 3, endColumn: 32 }],
    },
    {
      name: "key from a data source that names no key here",
      code: `data "aws_ssm_parameter" "key" {
  name = "/logs/key-arn"
}
resource "aws_cloudwatch_log_group" "app" {
  name       = "/app/intake"
  kms_key_id = data.aws_ssm_parameter.key.value
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 6, column: 3, endLine: 6, endColumn: 48 }],
    },
    {
      name: "one of two groups unencrypted",
      code: `${key}resource "aws_cloudwatch_log_group" "trail" {
  name       = "/aws/cloudtrail/acme"
  kms_key_id = aws_kms_key.logs.arn
}
resource "aws_cloudwatch_log_group" "app" {
  name = "/app/intake"
}
`,
      errors: [
        {
          messageId: "notEncrypted",
          line: 8,
          column: 1,
          endLine: 10,
          endColumn: 2,
          address: "aws_cloudwatch_log_group.app",
        },
      ],
    },
  ],
});
