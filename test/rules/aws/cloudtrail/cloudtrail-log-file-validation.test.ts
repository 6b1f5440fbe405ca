import rule from "../../../../src/rules/aws/cloudtrail/cloudtrail-log-file-validation.js";
import { testRule } from "../../../support/rule-tester.js";
import { ssmParameter, trail, trailBucket } from "./trail-cases.js";

testRule(rule, {
  valid: [
    { name: "validation enabled", code: trailBucket + trail("main", "enable_log_file_validation = true") },
    {
      name: "enabled on both trails",
      code:
        trailBucket +
        trail("main", "enable_log_file_validation = true") +
        trail("eu", "enable_log_file_validation = true"),
      passes: 2,
    },
  ],
  invalid: [
    {
      name: "not set: CloudTrail's default is off",
      code: trailBucket + trail("main"),
      errors: [{ messageId: "disabled", line: 4, column: 1, endLine: 7, endColumn: 2, address: "aws_cloudtrail.main" }],
    },
    {
      name: "explicitly off",
      code: trailBucket + trail("main", "enable_log_file_validation = false"),
      errors: [{ messageId: "disabled", line: 7, column: 3, endLine: 7, endColumn: 37 }],
    },
    {
      name: "known only after apply",
      code:
        ssmParameter + trailBucket + trail("main", "enable_log_file_validation = data.aws_ssm_parameter.setting.value"),
      errors: [{ messageId: "unknown", status: "unknown", line: 10, column: 3, endLine: 10, endColumn: 68 }],
    },
    {
      name: "the second trail is off",
      code:
        trailBucket +
        trail("main", "enable_log_file_validation = true") +
        trail("eu", "enable_log_file_validation = false"),
      errors: [
        { messageId: "disabled", line: 12, column: 3, endLine: 12, endColumn: 37, address: "aws_cloudtrail.eu" },
      ],
    },
  ],
});
