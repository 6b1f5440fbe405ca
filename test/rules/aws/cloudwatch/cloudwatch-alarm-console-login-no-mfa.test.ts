import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-console-login-no-mfa.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.consoleLoginNoMfa);

cases.invalid.push({
  name: "CIS 4.2 primary text (any console login without MFA) is not the Security Hub filter",
  code:
    monitoredTrail +
    filter(hcl('{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }')) +
    alarm(),
  errors: [{ messageId: "noFilter", line: 1, column: 1, endLine: 3, endColumn: 2 }],
});

testRule(rule, cases);
