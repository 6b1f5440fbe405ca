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

const ssm = (name: string) => `data "aws_ssm_parameter" "${name}" {
  name = "/security/${name}"
}
`;

cases.invalid.push(
  {
    name: "whether the trail is multi-region is known only after apply",
    code:
      monitoredTrail.replace(
        "is_multi_region_trail      = true",
        "is_multi_region_trail      = data.aws_ssm_parameter.multi.value",
      ) +
      filter(hcl(securityHubPatterns.configChanges.pattern)) +
      alarm() +
      ssm("multi"),
    errors: [
      {
        messageId: "trailUnknown",
        status: "unknown",
        line: 7,
        column: 3,
        endLine: 7,
        endColumn: 66,
        address: "aws_cloudtrail.this",
      },
    ],
  },
  {
    name: "the filter's log group is known only after apply",
    code:
      monitoredTrail +
      filter(hcl(securityHubPatterns.configChanges.pattern)).replace(
        "aws_cloudwatch_log_group.trail.name",
        "data.aws_ssm_parameter.group.value",
      ) +
      alarm() +
      ssm("group"),
    errors: [{ messageId: "logGroupUnknown", status: "unknown", line: 16, column: 3, endLine: 16, endColumn: 54 }],
  },
);

testRule(rule, cases);
