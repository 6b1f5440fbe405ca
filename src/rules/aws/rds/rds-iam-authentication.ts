import { defineRule } from "../../rule.js";
import { databases, inScope, judge, show } from "../../support.js";

/** Engines with IAM database authentication; Oracle, SQL Server, Db2 and RDS Custom have none. */
const iamAuthEngines = /^(mysql|mariadb|postgres|aurora|aurora-mysql|aurora-postgresql)$/;

export default defineRule({
  id: "rds-iam-authentication",
  meta: {
    title: "PHI databases accept IAM authentication",
    severity: "medium",
    service: "rds",
    scope: "phi",
    messages: {
      enabled: "Database {{db}} accepts IAM database authentication.",
      disabled:
        "PHI database {{db}} does not accept IAM authentication: every user needs a long-lived database password, outside IAM's MFA, session limits and CloudTrail (164.312(a)(1), (d)).",
      unknown: "Whether PHI database {{db}} accepts IAM authentication is known only after apply.",
    },
    remediation: {
      text: "Set iam_database_authentication_enabled = true (MySQL, MariaDB, PostgreSQL and Aurora) and grant users rds-db:connect.",
      hcl: `resource "aws_db_instance" "this" {
  # ...
  iam_database_authentication_enabled = true
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html",
    defaultOptions: {},
  },
  check(context) {
    // Cluster members are not judged (the setting is the cluster's); engines without IAM authentication are not.
    for (const db of inScope("phi", databases(context.model))) {
      const engine = db.engine.value;
      if (engine !== undefined && !iamAuthEngines.test(engine)) continue;
      const leaf = db.iamDatabaseAuthenticationEnabled;
      const status = judge(leaf, (value) => value === true);
      const messageId = status === "pass" ? "enabled" : status === "fail" ? "disabled" : "unknown";
      context.report(status, db, messageId, { db: db.address, engine: show(db.engine) }, leaf.range);
    }
  },
});
