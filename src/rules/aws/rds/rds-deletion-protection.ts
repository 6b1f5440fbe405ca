import { defineRule } from "../../rule.js";
import { databases, inScope, judge } from "../../support.js";

export default defineRule({
  id: "rds-deletion-protection",
  meta: {
    title: "PHI databases cannot be deleted without first turning off deletion protection",
    severity: "high",
    service: "rds",
    scope: "phi",
    messages: {
      protected: "Database {{db}} has deletion protection.",
      unprotected:
        "PHI database {{db}} has no deletion protection: one API call or a mistaken apply deletes it with its PHI.",
      unknown: "Whether PHI database {{db}} has deletion protection is known only after apply.",
    },
    remediation: {
      text: "Set deletion_protection = true on DB instances and clusters.",
      hcl: `resource "aws_db_instance" "this" {
  # ...
  deletion_protection = true
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection",
    defaultOptions: {},
  },
  check(context) {
    // Cluster members are not judged: deletion protection is the cluster's.
    for (const db of inScope("phi", databases(context.model))) {
      const leaf = db.deletionProtection;
      const status = judge(leaf, (value) => value === true);
      const messageId = status === "pass" ? "protected" : status === "fail" ? "unprotected" : "unknown";
      context.report(status, db, messageId, { db: db.address }, leaf.range);
    }
  },
});
