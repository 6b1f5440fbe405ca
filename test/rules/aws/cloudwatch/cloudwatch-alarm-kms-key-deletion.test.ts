import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-kms-key-deletion.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.kmsKeyDeletion);

cases.invalid.push({
  name: "alarm period of an hour",
  code: monitoredTrail + filter(hcl(securityHubPatterns.kmsKeyDeletion.pattern)) + alarm({ period: "3600" }),
  errors: [{ messageId: "periodTooLong", line: 29, column: 3, endLine: 29, endColumn: 29 }],
});

testRule(rule, cases);
