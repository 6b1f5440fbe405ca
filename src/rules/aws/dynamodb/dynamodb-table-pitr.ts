import { defineRule } from "../../rule.js";
import { inScope, judge } from "../../support.js";

export default defineRule({
  id: "dynamodb-table-pitr",
  meta: {
    title: "PHI tables have point-in-time recovery",
    severity: "high",
    service: "dynamodb",
    scope: "phi",
    messages: {
      enabled: "Table {{table}} has point-in-time recovery.",
      disabled:
        "PHI table {{table}} has no point-in-time recovery: a bad write or delete cannot be rolled back (164.308(a)(7)(ii)(A)).",
      unknown: "Whether PHI table {{table}} has point-in-time recovery is known only after apply.",
    },
    remediation: {
      text: "Enable point-in-time recovery on the table.",
      hcl: `resource "aws_dynamodb_table" "this" {
  # ...
  point_in_time_recovery {
    enabled = true
  }
}`,
    },
    docs: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html",
    defaultOptions: {},
  },
  check(context) {
    for (const table of inScope("phi", context.model.dynamoTables)) {
      const leaf = table.pointInTimeRecovery;
      const status = judge(leaf, (value) => value === true);
      const messageId = status === "pass" ? "enabled" : status === "fail" ? "disabled" : "unknown";
      context.report(status, table, messageId, { table: table.address }, leaf.range);
    }
  },
});
