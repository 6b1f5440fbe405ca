import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-cloudtrail-changes.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.cloudtrailChanges);

cases.invalid.push({
  name: "the exact filter sits on a log group the trail does not deliver to",
  code:
    monitoredTrail +
    `resource "aws_cloudwatch_log_group" "app" {
  name = "/app/intake"
}
` +
    filter(hcl(securityHubPatterns.cloudtrailChanges.pattern)).replace(
      "aws_cloudwatch_log_group.trail.name",
      "aws_cloudwatch_log_group.app.name",
    ) +
    alarm(),
  errors: [{ messageId: "notOnTrailLogGroup", line: 19, column: 3, endLine: 19, endColumn: 53 }],
});

testRule(rule, cases);
