import type { Rule } from "../../rule.js";
import rdsBackupRetention from "./rds-backup-retention.js";
import rdsDeletionProtection from "./rds-deletion-protection.js";
import rdsIamAuthentication from "./rds-iam-authentication.js";
import rdsMultiAz from "./rds-multi-az.js";
import rdsNoPlaintextPassword from "./rds-no-plaintext-password.js";
import rdsNotPubliclyAccessible from "./rds-not-publicly-accessible.js";
import rdsStorageEncryptedCmk from "./rds-storage-encrypted-cmk.js";

export const rdsRules: readonly Rule[] = [
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsIamAuthentication,
  rdsMultiAz,
  rdsNoPlaintextPassword,
  rdsNotPubliclyAccessible,
  rdsStorageEncryptedCmk,
];
