import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-nacl-changes.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.naclChanges);

const external = `resource "aws_cloudtrail" "this" {
  name                       = "acme"
  s3_bucket_name             = "acme-trail"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/org/cloudtrail:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail-to-logs"
}
`;
cases.valid.push({
  name: "trail and filter name a log group defined elsewhere, by ARN and by name",
  code:
    external +
    filter(hcl(securityHubPatterns.naclChanges.pattern)).replace(
      "aws_cloudwatch_log_group.trail.name",
      '"/org/cloudtrail"',
    ) +
    alarm({ actions: '["arn:aws:sns:us-east-1:111122223333:security"]' }),
  passes: 1,
});
cases.invalid.push({
  name: "no filter on a log group defined elsewhere: located at the trail's log group ARN",
  code: external,
  errors: [{ messageId: "noFilter", line: 5, column: 3, endLine: 5, endColumn: 97, address: "aws_cloudtrail.this" }],
});

testRule(rule, cases);
