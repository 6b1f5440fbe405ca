import rule from "../../../../src/rules/aws/cloudtrail/cloudtrail-kms-encryption.js";
import { testRule } from "../../../support/rule-tester.js";
import { ssmParameter, trail, trailBucket } from "./trail-cases.js";

const key = `resource "aws_kms_key" "audit" {
  enable_key_rotation = true
}
resource "aws_kms_alias" "audit" {
  name          = "alias/audit"
  target_key_id = aws_kms_key.audit.key_id
}
`;

testRule(rule, {
  valid: [
    {
      name: "key of the configuration by ARN",
      code: trailBucket + key + trail("main", "kms_key_id = aws_kms_key.audit.arn"),
    },
    {
      name: "key of the configuration through its alias",
      code: trailBucket + key + trail("main", "kms_key_id = aws_kms_alias.audit.arn"),
    },
    {
      name: "literal ARN of a key managed elsewhere",
      code:
        trailBucket +
        trail("main", 'kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"'),
    },
  ],
  invalid: [
    {
      name: "no kms_key_id",
      code: trailBucket + trail("main"),
      errors: [
        { messageId: "notEncrypted", line: 4, column: 1, endLine: 7, endColumn: 2, address: "aws_cloudtrail.main" },
      ],
    },
    {
      name: "an AWS-managed alias",
      code: trailBucket + trail("main", 'kms_key_id = "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"'),
      errors: [{ messageId: "awsManaged", line: 7, column: 3, endLine: 7, endColumn: 65 }],
    },
    {
      name: "key known only after apply",
      code: ssmParameter + trailBucket + trail("main", "kms_key_id = data.aws_ssm_parameter.setting.value"),
      errors: [{ messageId: "unknown", status: "unknown", line: 10, column: 3, endLine: 10, endColumn: 52 }],
    },
  ],
});
