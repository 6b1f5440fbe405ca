import { defineRule } from "../../rule.js";
import { judge } from "../../support.js";

export default defineRule({
  id: "rds-not-publicly-accessible",
  meta: {
    title: "Database instances are not publicly accessible",
    severity: "critical",
    service: "rds",
    scope: "all",
    messages: {
      private: "Database instance {{db}} is not publicly accessible.",
      public:
        "Database instance {{db}} is publicly accessible: it gets a public DNS name and address, one security group rule away from the internet.",
      unknown: "Whether database instance {{db}} is publicly accessible is known only after apply.",
    },
    remediation: {
      text: "Set publicly_accessible = false (the default) and reach the database from inside the VPC.",
      hcl: `resource "aws_db_instance" "this" {
  # ...
  publicly_accessible = false
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding",
    defaultOptions: {},
  },
  check(context) {
    // Every instance, cluster members included: public accessibility is set per instance.
    for (const db of context.model.dbInstances) {
      const leaf = db.publiclyAccessible;
      const status = judge(leaf, (value) => value !== true);
      const messageId = status === "pass" ? "private" : status === "fail" ? "public" : "unknown";
      context.report(status, db, messageId, { db: db.address }, leaf.range);
    }
  },
});
