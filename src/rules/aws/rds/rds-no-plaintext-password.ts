import type { PasswordSource } from "../../../model/aws/rds.js";
import { defineRule } from "../../rule.js";
import { databases } from "../../support.js";

const passing: Readonly<Record<Exclude<PasswordSource, "known">, string>> = {
  managed: "managedPassword",
  "write-only": "writeOnlyPassword",
  computed: "generatedPassword",
  none: "noPassword",
};

export default defineRule({
  id: "rds-no-plaintext-password",
  meta: {
    title: "Database master passwords are not written in Terraform code or variables",
    severity: "high",
    service: "rds",
    scope: "all",
    // Messages never include the password.
    messages: {
      managedPassword: "The master password of {{db}} is generated and kept in Secrets Manager.",
      writeOnlyPassword: "The master password of {{db}} is write-only: it is not stored in the Terraform state.",
      generatedPassword:
        "The master password of {{db}} is known only after apply (generated or read from a secret), so it is not in the code; it is still stored in the state — prefer manage_master_user_password.",
      noPassword: "{{db}} sets no master password (a replica, a snapshot restore, or a cluster member).",
      plaintextPassword:
        "The master password of {{db}} is known before apply — a literal, or a variable's default or tfvars value: it is in the code or variables and in plain text in the state.",
    },
    remediation: {
      text: "Remove the password and let RDS generate it into Secrets Manager (encrypted with a customer-managed key), or use a write-only password_wo from a secret.",
      hcl: `resource "aws_db_instance" "this" {
  # ...
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.phi.arn
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html",
    defaultOptions: {},
  },
  check(context) {
    // Cluster members have no password of their own.
    for (const db of databases(context.model)) {
      const source = db.masterPassword;
      const data = { db: db.address };
      if (source.value === "known") context.fail(db, "plaintextPassword", data, source.range);
      else context.pass(db, passing[source.value ?? "none"], data, source.range);
    }
  },
});
