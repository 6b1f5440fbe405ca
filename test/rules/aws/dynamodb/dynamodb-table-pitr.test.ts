import rule from "../../../../src/rules/aws/dynamodb/dynamodb-table-pitr.js";
import { testRule } from "../../../support/rule-tester.js";

function table(tags: string, rest: string): string {
  return `resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "SessionId"${tags}

  attribute {
    name = "SessionId"
    type = "S"
  }
${rest}}
`;
}

const phi = `\n  tags         = { classification = "phi" }`;

testRule(rule, {
  valid: [
    {
      name: "point-in-time recovery enabled",
      code: table(phi, "\n  point_in_time_recovery {\n    enabled = true\n  }\n"),
    },
    {
      name: "PHI by the provider's default tags",
      code: `provider "aws" {
  default_tags {
    tags = { classification = "ePHI" }
  }
}

${table("", "\n  point_in_time_recovery {\n    enabled = true\n  }\n")}`,
    },
    {
      name: "a table outside PHI scope is not judged",
      code: table("", ""),
      passes: 0,
    },
  ],
  invalid: [
    {
      name: "no point_in_time_recovery block",
      code: table(phi, ""),
      errors: [
        {
          messageId: "disabled",
          line: 1,
          column: 1,
          endLine: 11,
          endColumn: 2,
          address: "aws_dynamodb_table.sessions",
        },
      ],
    },
    {
      name: "point-in-time recovery turned off",
      code: table(phi, "\n  point_in_time_recovery {\n    enabled = false\n  }\n"),
      errors: [{ messageId: "disabled", line: 13, column: 5, endLine: 13, endColumn: 20 }],
    },
    {
      name: "a block without enabled",
      code: table(phi, "\n  point_in_time_recovery {\n    recovery_period_in_days = 35\n  }\n"),
      errors: [{ messageId: "disabled", line: 12, column: 3, endLine: 14, endColumn: 4 }],
    },
    {
      name: "known only after apply",
      code: `data "aws_ssm_parameter" "pitr" {
  name = "/acme/dynamodb/pitr"
}

${table(phi, "\n  point_in_time_recovery {\n    enabled = data.aws_ssm_parameter.pitr.value\n  }\n")}`,
      errors: [{ messageId: "unknown", status: "unknown", line: 17, column: 5, endLine: 17, endColumn: 48 }],
    },
  ],
});
