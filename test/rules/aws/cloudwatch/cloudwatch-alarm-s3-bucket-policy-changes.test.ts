import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-s3-bucket-policy-changes.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.s3BucketPolicyChanges);

cases.invalid.push({
  name: "three breaching periods needed (datapoints_to_alarm defaults to evaluation_periods)",
  code:
    monitoredTrail +
    filter(hcl(securityHubPatterns.s3BucketPolicyChanges.pattern)) +
    alarm().replace("evaluation_periods  = 1", "evaluation_periods  = 3"),
  errors: [{ messageId: "needsSeveralDatapoints", line: 30, column: 3, endLine: 30, endColumn: 26 }],
});

testRule(rule, cases);
