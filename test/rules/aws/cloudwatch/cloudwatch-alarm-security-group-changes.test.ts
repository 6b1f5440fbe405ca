import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-security-group-changes.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.securityGroupChanges);

cases.invalid.push({
  name: "the network ACL filter (CloudWatch.11) is not taken for a near miss",
  code: monitoredTrail + filter(hcl(securityHubPatterns.naclChanges.pattern)) + alarm(),
  errors: [{ messageId: "noFilter", line: 1, column: 1, endLine: 3, endColumn: 2 }],
});

testRule(rule, cases);
