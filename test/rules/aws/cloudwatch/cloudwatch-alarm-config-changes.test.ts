import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-config-changes.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.configChanges);

cases.invalid.push({
  name: "alarm when the count is below the threshold",
  code:
    monitoredTrail +
    filter(hcl(securityHubPatterns.configChanges.pattern)) +
    alarm({ comparison: '"LessThanThreshold"' }),
  errors: [{ messageId: "wrongComparison", line: 32, column: 3, endLine: 32, endColumn: 44 }],
});

testRule(rule, cases);
