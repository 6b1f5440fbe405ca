import { defineRule } from "../../rule.js";
import { databases, inScope, judge, show } from "../../support.js";

export default defineRule({
  id: "rds-backup-retention",
  meta: {
    title: "PHI databases keep automated backups long enough to recover",
    severity: "high",
    service: "rds",
    scope: "phi",
    messages: {
      retained: "Database {{db}} keeps automated backups for {{days}} days (minimum {{minDays}}).",
      tooShort:
        "PHI database {{db}} keeps automated backups for {{days}} day(s), less than {{minDays}}: a corruption noticed later cannot be rolled back (164.308(a)(7)(ii)(A)).",
      unknown: "The backup retention period of PHI database {{db}} is known only after apply.",
    },
    remediation: {
      text: "Set backup_retention_period to at least 7 days (up to 35) on DB instances and clusters.",
      hcl: `resource "aws_db_instance" "this" {
  # ...
  backup_retention_period = 35
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
    defaultOptions: { minDays: 7 },
  },
  check(context) {
    const { minDays } = context.options;
    for (const db of inScope("phi", databases(context.model))) {
      // A read replica's backups are its source's concern: the source is the copy that must be recoverable.
      if ("replicateSourceDb" in db && db.replicateSourceDb.origin !== "default") continue;
      const leaf = db.backupRetentionPeriod;
      const status = judge(leaf, (value) => value !== undefined && value >= minDays);
      const messageId = status === "pass" ? "retained" : status === "fail" ? "tooShort" : "unknown";
      context.report(status, db, messageId, { db: db.address, days: show(leaf), minDays }, leaf.range);
    }
  },
});
