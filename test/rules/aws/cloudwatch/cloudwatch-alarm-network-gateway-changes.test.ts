import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-network-gateway-changes.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.networkGatewayChanges);

cases.invalid.push({
  name: "pattern known only after apply",
  code:
    monitoredTrail +
    `data "aws_ssm_parameter" "pattern" {
  name = "/security/pattern"
}
` +
    filter("data.aws_ssm_parameter.pattern.value") +
    alarm(),
  errors: [{ messageId: "patternUnknown", status: "unknown", line: 20, column: 3, endLine: 20, endColumn: 56 }],
});

testRule(rule, cases);
