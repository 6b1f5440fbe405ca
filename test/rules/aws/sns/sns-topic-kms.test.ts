import rule from "../../../../src/rules/aws/sns/sns-topic-kms.js";
import { testRule } from "../../../support/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "a customer-managed key of the configuration",
      code: `resource "aws_kms_key" "alarms" {
  enable_key_rotation = true
}

resource "aws_sns_topic" "alarms" {
  name              = "security-alarms"
  kms_master_key_id = aws_kms_key.alarms.arn
}
`,
    },
    {
      name: "a key of the configuration through its alias",
      code: `resource "aws_kms_key" "alarms" {}

resource "aws_kms_alias" "alarms" {
  name          = "alias/security-alarms"
  target_key_id = aws_kms_key.alarms.key_id
}

resource "aws_sns_topic" "alarms" {
  name              = "security-alarms"
  kms_master_key_id = "alias/security-alarms"
}
`,
    },
    {
      name: "a customer-managed key outside the configuration",
      code: `resource "aws_sns_topic" "alarms" {
  name              = "security-alarms"
  kms_master_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
    },
  ],
  invalid: [
    {
      name: "no key: messages stored unencrypted",
      code: `resource "aws_sns_topic" "alarms" {
  name = "security-alarms"
}
`,
      errors: [{ messageId: "noKey", line: 1, column: 1, endLine: 3, endColumn: 2, address: "aws_sns_topic.alarms" }],
    },
    {
      name: "alias/aws/sns: alarms cannot publish",
      code: `resource "aws_sns_topic" "alarms" {
  name              = "security-alarms"
  kms_master_key_id = "alias/aws/sns"
}
`,
      errors: [{ messageId: "awsManagedKey", line: 3, column: 3, endLine: 3, endColumn: 38 }],
    },
    {
      name: "the AWS-managed key through a data source",
      code: `data "aws_kms_alias" "sns" {
  name = "alias/aws/sns"
}

resource "aws_sns_topic" "alarms" {
  name              = "security-alarms"
  kms_master_key_id = data.aws_kms_alias.sns.arn
}
`,
      errors: [{ messageId: "awsManagedKey", line: 7, column: 3, endLine: 7, endColumn: 49 }],
    },
    {
      name: "the key known only after apply",
      code: `data "aws_ssm_parameter" "key" {
  name = "/acme/sns/key"
}

resource "aws_sns_topic" "alarms" {
  name              = "security-alarms"
  kms_master_key_id = data.aws_ssm_parameter.key.value
}
`,
      errors: [{ messageId: "keyUnknown", status: "unknown", line: 7, column: 3, endLine: 7, endColumn: 55 }],
    },
  ],
});
