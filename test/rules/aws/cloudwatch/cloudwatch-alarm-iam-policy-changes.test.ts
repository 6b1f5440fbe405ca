import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-iam-policy-changes.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.iamPolicyChanges);

const cisText = `{ ${securityHubPatterns.iamPolicyChanges.pattern.slice(1, -1).replaceAll("=", " = ")} }`;
cases.invalid.push({
  name: "CIS 4.4 text: spaces around = and inside the braces",
  code: monitoredTrail + filter(hcl(cisText)) + alarm(),
  errors: [{ messageId: "patternNotExact", line: 17, column: 3, endLine: 17, endColumn: 20 + hcl(cisText).length }],
});

testRule(rule, cases);
