import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-console-auth-failures.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.consoleAuthFailures);

cases.invalid.push({
  name: "alarm on the Average, which hides single failures",
  code:
    monitoredTrail + filter(hcl(securityHubPatterns.consoleAuthFailures.pattern)) + alarm({ statistic: '"Average"' }),
  errors: [{ messageId: "wrongStatistic", line: 28, column: 3, endLine: 28, endColumn: 34 }],
});

testRule(rule, cases);
