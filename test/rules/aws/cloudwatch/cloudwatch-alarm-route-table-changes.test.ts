import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-route-table-changes.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.routeTableChanges);

cases.invalid.push({
  name: "alarm notifies only an Auto Scaling policy, not a topic",
  code:
    monitoredTrail +
    filter(hcl(securityHubPatterns.routeTableChanges.pattern)) +
    alarm({
      actions:
        '["arn:aws:autoscaling:us-east-1:111122223333:scalingPolicy:1a2b3c4d-0000-0000-0000-000000000000:autoScalingGroupName/web:policyName/up"]',
    }),
  errors: [{ messageId: "noAction", line: 33, column: 3, endLine: 33, endColumn: 161 }],
});

testRule(rule, cases);
