import rule from "../../../../src/rules/aws/cloudtrail/cloudtrail-multi-region.js";
import { testRule } from "../../../support/rule-tester.js";
import { ssmParameter, trail, trailBucket } from "./trail-cases.js";

const managementSelector = `advanced_event_selector {
    name = "Management events"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }`;

const dataOnlySelector = `advanced_event_selector {
    name = "S3 objects"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }`;

testRule(rule, {
  valid: [
    {
      name: "multi-region trail with AWS's default selectors",
      code: trailBucket + trail("main", "is_multi_region_trail = true"),
      passes: 1,
    },
    {
      name: "a regional trail beside a multi-region one selecting management events",
      code:
        trailBucket +
        trail("regional") +
        trail("main", "is_multi_region_trail = true", managementSelector, dataOnlySelector),
      passes: 1,
    },
    {
      name: "read-only and write-only basic selectors together",
      code:
        trailBucket +
        trail(
          "main",
          "is_multi_region_trail = true",
          'event_selector {\n    read_write_type = "ReadOnly"\n  }',
          'event_selector {\n    read_write_type = "WriteOnly"\n  }',
        ),
      passes: 1,
    },
  ],
  invalid: [
    {
      name: "no trail at all",
      code: trailBucket,
      errors: [{ messageId: "noTrail", line: 1, column: 1, endLine: 1, endColumn: 1, address: "account" }],
    },
    {
      name: "single-region by default",
      code: trailBucket + trail("main"),
      errors: [
        { messageId: "singleRegion", line: 4, column: 1, endLine: 7, endColumn: 2, address: "aws_cloudtrail.main" },
      ],
    },
    {
      name: "multi-region but not logging",
      code: trailBucket + trail("main", "is_multi_region_trail = true", "enable_logging        = false"),
      errors: [{ messageId: "notLogging", line: 8, column: 3, endLine: 8, endColumn: 32 }],
    },
    {
      name: "multi-region but its advanced selectors record only data events",
      code: trailBucket + trail("main", "is_multi_region_trail = true", dataOnlySelector),
      errors: [{ messageId: "noManagementEvents", line: 8, column: 3, endLine: 18, endColumn: 4 }],
    },
    {
      name: "multi-region but its basic selector records only reads",
      code:
        trailBucket +
        trail("main", "is_multi_region_trail = true", 'event_selector {\n    read_write_type = "ReadOnly"\n  }'),
      errors: [{ messageId: "noManagementEvents", line: 8, column: 3, endLine: 10, endColumn: 4 }],
    },
    {
      name: "two regional trails: each could be the account's",
      code: trailBucket + trail("us") + trail("eu", "is_multi_region_trail = false"),
      errors: [
        { messageId: "singleRegion", line: 4, column: 1, endLine: 7, endColumn: 2, address: "aws_cloudtrail.us" },
        { messageId: "singleRegion", line: 11, column: 3, endLine: 11, endColumn: 32, address: "aws_cloudtrail.eu" },
      ],
    },
    {
      name: "multi-region known only after apply",
      code: ssmParameter + trailBucket + trail("main", "is_multi_region_trail = data.aws_ssm_parameter.setting.value"),
      errors: [{ messageId: "unknown", status: "unknown", line: 10, column: 3, endLine: 10, endColumn: 63 }],
    },
  ],
});
