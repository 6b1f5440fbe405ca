import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-unauthorized-api-calls.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.unauthorizedApiCalls);

cases.invalid.push({
  name: "CIS 4.1 text with the delivery.logs and HeadBucket exclusions is not the Security Hub filter",
  code:
    monitoredTrail +
    filter(
      hcl(
        '{ ($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
      ),
    ) +
    alarm(),
  errors: [{ messageId: "noFilter", line: 1, column: 1, endLine: 3, endColumn: 2 }],
});

testRule(rule, cases);
