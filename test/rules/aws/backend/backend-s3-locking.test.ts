import { describe, expect, it } from "vitest";
import rule from "../../../../src/rules/aws/backend/backend-s3-locking.js";
import { runCase, testRule } from "../../../support/rule-tester.js";

/** A root module whose `backend "s3"` block holds `settings` after bucket, key and region. */
const backend = (settings: string) => `terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "prod/terraform.tfstate"
    region = "us-east-1"
${settings}
  }
}
`;

const dynamodbOnly = backend(`    dynamodb_table = "acme-terraform-locks"`);

testRule(rule, {
  valid: [
    { name: "S3-native lock file", code: backend("    use_lockfile = true") },
    { name: "DynamoDB lock table (deprecated, still a lock)", code: dynamodbOnly },
    {
      name: "lock file and DynamoDB during a migration",
      code: backend(`    use_lockfile   = true
    dynamodb_table = "acme-terraform-locks"`),
    },
  ],
  invalid: [
    {
      name: "no locking at all",
      code: backend("    encrypt = true"),
      errors: [
        { messageId: "noLocking", line: 2, column: 3, endLine: 7, endColumn: 4, address: "terraform.backend.s3" },
      ],
    },
    {
      name: "use_lockfile = false",
      code: backend("    use_lockfile = false"),
      errors: [{ messageId: "noLocking", line: 6, column: 5, endLine: 6, endColumn: 25 }],
    },
    {
      name: "a partial configuration completed at init cannot be judged",
      code: `terraform {
  backend "s3" {}
}
`,
      errors: [{ messageId: "partial", status: "unknown", line: 2, column: 3, endLine: 2, endColumn: 18 }],
    },
  ],
});

describe("backend-s3-locking messages", () => {
  it("passes DynamoDB locking with its own message id, pointing at the table", () => {
    const { results } = runCase(rule, { name: "dynamodb", code: dynamodbOnly }, 100);
    expect(results.map((r) => [r.status, r.messageId, r.range.start.line, r.range.start.column])).toEqual([
      ["pass", "dynamodbDeprecated", 6, 5],
    ]);
  });

  it("passes the lock file with the lockfile message id even when a DynamoDB table remains", () => {
    const code = backend(`    use_lockfile   = true
    dynamodb_table = "acme-terraform-locks"`);
    const { results } = runCase(rule, { name: "both", code }, 101);
    expect(results.map((r) => [r.status, r.messageId, r.range.start.line])).toEqual([["pass", "lockfile", 6]]);
  });
});
