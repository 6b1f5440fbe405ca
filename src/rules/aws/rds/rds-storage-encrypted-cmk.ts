import type { DbCluster, DbInstance } from "../../../model/aws/rds.js";
import type { Tracked } from "../../../model/aws/resource.js";
import { defineRule } from "../../rule.js";
import { databases, inScope, judge, judgeCustomerKey, show } from "../../support.js";

/** Aurora Serverless v1 clusters are encrypted unless told otherwise (the provider's default is true for them). */
function storageEncrypted(db: DbInstance | DbCluster): Tracked<boolean> {
  const serverless = "engineMode" in db && db.engineMode.value === "serverless";
  if (serverless && db.storageEncrypted.origin === "default") return { ...db.storageEncrypted, value: true };
  return db.storageEncrypted;
}

export default defineRule({
  id: "rds-storage-encrypted-cmk",
  meta: {
    title: "PHI databases encrypt their storage with a customer-managed KMS key",
    severity: "critical",
    service: "rds",
    scope: "phi",
    messages: {
      customerManagedKey: "Database {{db}} encrypts its storage with the customer-managed key {{key}}.",
      externalKey:
        "Database {{db}} encrypts its storage with {{key}}, a customer-managed key defined outside this configuration.",
      notEncrypted:
        "PHI database {{db}} does not encrypt its storage (storage_encrypted is {{encrypted}}): data, logs, backups and snapshots are stored in the clear.",
      encryptionUnknown: "Whether PHI database {{db}} encrypts its storage is known only after apply.",
      awsManagedKey:
        "PHI database {{db}} encrypts its storage with the AWS-managed key {{key}}: its policy cannot restrict who decrypts, and its snapshots cannot be shared.",
      keyUnknown: "The storage KMS key of PHI database {{db}} ({{key}}) is known only after apply.",
      replicaInheritsSource:
        "Read replica {{db}} takes its storage encryption from its source {{source}}, which this rule judges where it is defined.",
    },
    remediation: {
      text: "Set storage_encrypted = true and kms_key_id to a customer-managed key (on the cluster for Aurora; its instances inherit it). Encryption cannot be added to an existing database: restore an encrypted copy of a snapshot.",
      hcl: `resource "aws_db_instance" "this" {
  # ...
  storage_encrypted = true
  kms_key_id        = aws_kms_key.phi.arn
}`,
    },
    docs: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html",
    defaultOptions: {},
  },
  check(context) {
    // Cluster members are not judged: their storage is the cluster's.
    for (const db of inScope("phi", databases(context.model))) {
      const data = { db: db.address };
      const replicaOf = "replicateSourceDb" in db ? db.replicateSourceDb : undefined;
      const encrypted = storageEncrypted(db);
      if (
        replicaOf &&
        replicaOf.origin !== "default" &&
        encrypted.origin === "default" &&
        db.kmsKey.key.kind === "none"
      ) {
        context.unknown(db, "replicaInheritsSource", { ...data, source: show(replicaOf) }, replicaOf.range);
        continue;
      }
      const status = judge(encrypted, (value) => value === true);
      if (status !== "pass") {
        const messageId = status === "fail" ? "notEncrypted" : "encryptionUnknown";
        context.report(status, db, messageId, { ...data, encrypted: show(encrypted) }, encrypted.range);
        continue;
      }
      const verdict = judgeCustomerKey(db.kmsKey, "alias/aws/rds");
      context.report(verdict.status, db, verdict.messageId, { ...data, key: verdict.key }, db.kmsKey.id.range);
    }
  },
});
