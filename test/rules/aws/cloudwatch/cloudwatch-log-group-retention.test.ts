import rule from "../../../../src/rules/aws/cloudwatch/cloudwatch-log-group-retention.js";
import { testRule } from "../../../support/rule-tester.js";

const group = (retention: string) => `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/intake"
  retention_in_days = ${retention}
}
`;

testRule(rule, {
  valid: [
    { name: "six years", code: group("2192") },
    { name: "exactly the default minimum", code: group("365") },
    { name: "0: never expire", code: group("0") },
    {
      name: "not set: never expire",
      code: `resource "aws_cloudwatch_log_group" "app" {
  name = "/app/intake"
}
`,
    },
    { name: "90 days with a lower configured minimum", code: group("90"), options: { minDays: 90 } },
  ],
  invalid: [
    {
      name: "30 days",
      code: group("30"),
      errors: [
        {
          messageId: "tooShort",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 25,
          address: "aws_cloudwatch_log_group.app",
        },
      ],
    },
    {
      name: "one day short of a year",
      code: group("364"),
      errors: [{ messageId: "tooShort", line: 3, column: 3, endLine: 3, endColumn: 26 }],
    },
    {
      name: "a year is below a configured six-year minimum",
      code: group("365"),
      options: { minDays: 2192 },
      errors: [{ messageId: "tooShort", line: 3, column: 3, endLine: 3, endColumn: 26 }],
    },
    {
      name: "retention known only after apply",
      code: `data "aws_ssm_parameter" "days" {
  name = "/logs/retention"
}
resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/intake"
  retention_in_days = data.aws_ssm_parameter.days.value
}
`,
      errors: [{ messageId: "unknown", status: "unknown", line: 6, column: 3, endLine: 6, endColumn: 56 }],
    },
  ],
});
