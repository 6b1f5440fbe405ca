import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-alarm-root-usage.js";
import { securityHubPatterns } from "../../../../src/rules/aws/cloudwatch/security-hub-patterns.js";
import { testRule } from "../../../support/rule-tester.js";
import { alarm, alarmCases, filter, hcl, monitoredTrail } from "./alarm-cases.js";

const cases = alarmCases(securityHubPatterns.rootUsage);

cases.invalid.push(
  {
    name: "CIS 4.3 text: the same filter with spaces around the operators",
    code:
      monitoredTrail +
      filter(
        hcl(
          '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
        ),
      ) +
      alarm(),
    errors: [{ messageId: "patternNotExact", line: 17, column: 3, endLine: 17, endColumn: 133 }],
  },
  {
    name: "alarm actions disabled",
    code:
      monitoredTrail +
      filter(hcl(securityHubPatterns.rootUsage.pattern)) +
      alarm().replace("alarm_name ", "actions_enabled     = false\n  alarm_name "),
    errors: [{ messageId: "actionsDisabled", line: 25, column: 3, endLine: 25, endColumn: 30 }],
  },
);

testRule(rule, cases);
