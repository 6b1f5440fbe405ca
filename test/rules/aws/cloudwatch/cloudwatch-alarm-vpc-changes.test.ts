import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-vpc-changes.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.vpcChanges);

cases.invalid.push({
  name: "the trail's selectors record only data events, no management events",
  code:
    monitoredTrail.replace(
      "  cloud_watch_logs_role_arn",
      `  advanced_event_selector {
    name = "S3 only"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
  cloud_watch_logs_role_arn`,
    ) +
    filter(hcl(securityHubPatterns.vpcChanges.pattern)) +
    alarm(),
  errors: [{ messageId: "noMonitoredTrail", line: 8, column: 3, endLine: 8, endColumn: 73 }],
});

testRule(rule, cases);
