/**
 * RDS instances and clusters. Defaults: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 * (BackupRetentionPeriod 1 through the API, StorageEncrypted false, MultiAZ false, PubliclyAccessible false in a VPC).
 */
import type { KeyReference } from "./kms.js";
import type { Link, ModelObject, Tags, Tracked } from "./resource.js";

/**
 * How the master password is given — never the password itself:
 * `known`: a value known before apply (a literal, or a variable/tfvars value) that lands in code or state;
 * `computed`: known only after apply (e.g. `random_password`), still stored in state;
 * `write-only`: `password_wo` (not stored in state);
 * `managed`: `manage_master_user_password = true` (Secrets Manager);
 * `none`: not set (a replica, a snapshot restore, or a cluster member).
 */
export type PasswordSource = "known" | "computed" | "write-only" | "managed" | "none";

interface DatabaseBase extends ModelObject {
  readonly identifier: Tracked<string>;
  readonly engine: Tracked<string>;
  /** Default false. */
  readonly storageEncrypted: Tracked<boolean>;
  readonly kmsKey: KeyReference;
  /** Days; default 1 (API) — Terraform passes the provider default when unset. */
  readonly backupRetentionPeriod: Tracked<number>;
  /** Default false. */
  readonly deletionProtection: Tracked<boolean>;
  /** Default false. */
  readonly iamDatabaseAuthenticationEnabled: Tracked<boolean>;
  /** `password_source` leaf: origin and range of the `password` attribute (value never kept). */
  readonly masterPassword: Tracked<PasswordSource>;
  /** Default false. */
  readonly manageMasterUserPassword: Tracked<boolean>;
  readonly tags: Tracked<Tags>;
}

/** `aws_db_instance`, `aws_rds_cluster_instance`. */
export interface DbInstance extends DatabaseBase {
  /** Default false. */
  readonly publiclyAccessible: Tracked<boolean>;
  /** Default false. */
  readonly multiAz: Tracked<boolean>;
  /** `aws_rds_cluster_instance` (or an instance with `cluster_identifier`): storage settings are the cluster's. */
  readonly cluster: Link<DbCluster>;
  /** A read replica (`replicate_source_db`). */
  readonly replicateSourceDb: Tracked<string>;
}

/** `aws_rds_cluster`. */
export interface DbCluster extends DatabaseBase {
  /** Instances of the cluster in this configuration. */
  readonly instances: readonly DbInstance[];
  /** Multi-AZ DB clusters are given `availability_zones` or `db_cluster_instance_class`. */
  readonly availabilityZones: Tracked<readonly (string | undefined)[]>;
  readonly engineMode: Tracked<string>;
}
