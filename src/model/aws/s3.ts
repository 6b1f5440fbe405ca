/**
 * S3 buckets with every sub-configuration joined in, whether written inline (legacy blocks of `aws_s3_bucket`) or as
 * a separate `aws_s3_bucket_*` resource. Defaults for new buckets:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html (SSE-S3 since 2023-01-05),
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html (BucketOwnerEnforced and Block
 * Public Access on since 2023-04).
 */
import type { Range } from "../../hcl/range.js";
import type { PolicyValue } from "./iam.js";
import type { KeyReference } from "./kms.js";
import type { Link, ModelObject, Tags, Tracked } from "./resource.js";

/**
 * Where one sub-configuration of a bucket came from: an inline block of the bucket, a separate resource joined to it,
 * or nowhere (`absent`: AWS's defaults apply; address and range are the bucket's).
 */
export interface Provenance {
  readonly kind: "inline" | "resource" | "absent";
  /** The bucket (inline, absent) or the separate resource. */
  readonly address: string;
  /** The inline block, the separate resource's block, or the bucket's block. */
  readonly range: Range;
}

export interface BucketEncryption {
  readonly provenance: Provenance;
  /** `AES256` (SSE-S3, the default), `aws:kms`, `aws:kms:dsse`. */
  readonly algorithm: Tracked<string>;
  /** `kms_master_key_id` and the key it names; `none` with algorithm `aws:kms` means the AWS-managed `aws/s3` key. */
  readonly kmsKey: KeyReference;
  /** Default false. */
  readonly bucketKeyEnabled: Tracked<boolean>;
}

export interface BucketVersioning {
  readonly provenance: Provenance;
  /** `Enabled`, `Suspended`, or `Disabled` (never enabled: the default). Inline `enabled = false` is `Suspended`. */
  readonly status: Tracked<string>;
  /** Default false. */
  readonly mfaDelete: Tracked<boolean>;
}

export interface BucketObjectLock {
  /** The bucket attribute `object_lock_enabled`, the legacy inline block, or the separate resource. */
  readonly provenance: Provenance;
  /** Object Lock is enabled on the bucket (set at creation). Default false. */
  readonly enabled: Tracked<boolean>;
  /** The default retention block, when written (`defaultRetentionRange` for its location). */
  readonly hasDefaultRetention: Tracked<boolean>;
  /** `GOVERNANCE` or `COMPLIANCE`. */
  readonly mode: Tracked<string>;
  readonly days: Tracked<number>;
  readonly years: Tracked<number>;
  /** The configuration resource (when separate) that sets the default retention. */
  readonly retentionProvenance: Provenance;
}

export interface BucketLogging {
  readonly provenance: Provenance;
  /** Logging is configured (an inline `logging` block or an `aws_s3_bucket_logging`). */
  readonly enabled: Tracked<boolean>;
  readonly targetBucketName: Tracked<string>;
  /** The target bucket, resolved by reference or by name. */
  readonly target: Link<Bucket>;
  readonly targetPrefix: Tracked<string>;
}

export interface BucketPublicAccessBlock {
  readonly provenance: Provenance;
  /**
   * Each flag: when the resource is absent, AWS's default for new buckets (true, since 2023-04); when the resource
   * is present but the attribute not written, the provider's default (false).
   */
  readonly blockPublicAcls: Tracked<boolean>;
  readonly blockPublicPolicy: Tracked<boolean>;
  readonly ignorePublicAcls: Tracked<boolean>;
  readonly restrictPublicBuckets: Tracked<boolean>;
}

export interface BucketOwnership {
  readonly provenance: Provenance;
  /** `BucketOwnerEnforced` (default for new buckets), `BucketOwnerPreferred`, `ObjectWriter`. */
  readonly objectOwnership: Tracked<string>;
}

export interface BucketAcl {
  readonly provenance: Provenance;
  /** Canned ACL; default `private`. */
  readonly acl: Tracked<string>;
  /** An `access_control_policy` / inline `grant` is written. */
  readonly hasGrants: Tracked<boolean>;
}

export interface NoncurrentVersionTransition {
  readonly range: Range;
  readonly days: Tracked<number>;
  readonly storageClass: Tracked<string>;
}

export interface LifecycleRule {
  /** The `rule` (or legacy `lifecycle_rule`) block. */
  readonly range: Range;
  readonly id: Tracked<string>;
  /** `status = "Enabled"` or legacy `enabled = true`. */
  readonly enabled: Tracked<boolean>;
  /** The rule was produced by a `dynamic` block whose for_each is unknown: it stands for any number of rules. */
  readonly unknownExpansion: boolean;
  readonly expirationDays: Tracked<number>;
  readonly transitions: readonly {
    readonly range: Range;
    readonly days: Tracked<number>;
    readonly storageClass: Tracked<string>;
  }[];
  /** `noncurrent_version_expiration` days (`noncurrent_days`, legacy `days`). */
  readonly noncurrentVersionExpirationDays: Tracked<number>;
  readonly noncurrentVersionTransitions: readonly NoncurrentVersionTransition[];
  readonly abortIncompleteMultipartUploadDays: Tracked<number>;
}

export interface BucketLifecycle {
  readonly provenance: Provenance;
  readonly rules: readonly LifecycleRule[];
}

export interface ReplicationRule {
  readonly range: Range;
  readonly id: Tracked<string>;
  /** `Enabled` / `Disabled`. */
  readonly status: Tracked<string>;
  /** The destination bucket ARN as written. */
  readonly destinationBucketArn: Tracked<string>;
  readonly destination: Link<Bucket>;
  readonly storageClass: Tracked<string>;
  /** `replica_kms_key_id` and the key it names. */
  readonly replicaKmsKey: KeyReference;
}

export interface BucketReplication {
  readonly provenance: Provenance;
  readonly role: Tracked<string>;
  readonly rules: readonly ReplicationRule[];
}

export interface Bucket extends ModelObject {
  /** The bucket name: `bucket`, or unknown when generated (`bucket_prefix` or neither). */
  readonly name: Tracked<string>;
  readonly bucketPrefix: Tracked<string>;
  /** Default false. */
  readonly forceDestroy: Tracked<boolean>;
  readonly encryption: BucketEncryption;
  readonly versioning: BucketVersioning;
  readonly objectLock: BucketObjectLock;
  readonly logging: BucketLogging;
  readonly publicAccessBlock: BucketPublicAccessBlock;
  readonly ownership: BucketOwnership;
  readonly acl: BucketAcl;
  /** The bucket policy (inline `policy` or `aws_s3_bucket_policy`); undefined when there is none. */
  readonly policy: PolicyValue | undefined;
  readonly lifecycle: BucketLifecycle;
  /** Undefined when no replication is configured. */
  readonly replication: BucketReplication | undefined;
  readonly tags: Tracked<Tags>;
  /** Buckets whose server access logs are delivered here (it is a log target when non-empty). */
  readonly logSources: readonly Bucket[];
  readonly isLogTarget: boolean;
  /** Trails (by address) delivering CloudTrail logs here. */
  readonly trailSources: readonly string[];
}
