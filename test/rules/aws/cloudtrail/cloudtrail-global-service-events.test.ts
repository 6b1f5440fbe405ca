import rule from "../../../../src/rules/aws/cloudtrail/cloudtrail-global-service-events.js";
import { testRule } from "../../../support/rule-tester.js";
import { ssmParameter, trail, trailBucket } from "./trail-cases.js";

testRule(rule, {
  valid: [
    { name: "not set: AWS's default includes them", code: trailBucket + trail("main") },
    {
      name: "explicitly included on a multi-region trail",
      code: trailBucket + trail("main", "is_multi_region_trail = true", "include_global_service_events = true"),
    },
  ],
  invalid: [
    {
      name: "excluded",
      code: trailBucket + trail("main", "include_global_service_events = false"),
      errors: [
        { messageId: "excluded", line: 7, column: 3, endLine: 7, endColumn: 40, address: "aws_cloudtrail.main" },
      ],
    },
    {
      name: "excluded on the second of two trails",
      code: trailBucket + trail("main") + trail("regional", "include_global_service_events = false"),
      errors: [
        { messageId: "excluded", line: 11, column: 3, endLine: 11, endColumn: 40, address: "aws_cloudtrail.regional" },
      ],
    },
    {
      name: "known only after apply",
      code:
        ssmParameter +
        trailBucket +
        trail("main", "include_global_service_events = data.aws_ssm_parameter.setting.value"),
      errors: [{ messageId: "unknown", status: "unknown", line: 10, column: 3, endLine: 10, endColumn: 71 }],
    },
  ],
});
