/** KMS keys and aliases. */
import type { PolicyValue } from "./iam.js";
import type { Link, ModelObject, Tags, Tracked } from "./resource.js";

/**
 * A customer-managed key (`aws_kms_key`, `aws_kms_external_key`, `aws_kms_replica_key`,
 * `aws_kms_replica_external_key`). Defaults: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key
 * and https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html.
 */
export interface Key extends ModelObject {
  readonly description: Tracked<string>;
  /** Default false. */
  readonly enableKeyRotation: Tracked<boolean>;
  /** Default 365 (AWS's rotation period; only meaningful when rotation is enabled). */
  readonly rotationPeriodDays: Tracked<number>;
  /** Default 30. */
  readonly deletionWindowDays: Tracked<number>;
  /** Default SYMMETRIC_DEFAULT. Asymmetric and HMAC keys cannot rotate automatically. */
  readonly keySpec: Tracked<string>;
  /** Default ENCRYPT_DECRYPT. */
  readonly keyUsage: Tracked<string>;
  /**
   * Key material origin: AWS_KMS (default for `aws_kms_key`), EXTERNAL (`aws_kms_external_key`), AWS_CLOUDHSM or
   * EXTERNAL_KEY_STORE (`custom_key_store_id` / `xks_key_id`). Only AWS_KMS keys rotate automatically.
   */
  readonly keyOrigin: Tracked<string>;
  /** Default true. */
  readonly isEnabled: Tracked<boolean>;
  /** Default false. */
  readonly multiRegion: Tracked<boolean>;
  /** `policy` on the key or an `aws_kms_key_policy`; undefined: the default key policy (account root has kms:*). */
  readonly policy: PolicyValue | undefined;
  /** Default false. */
  readonly bypassPolicyLockoutSafetyCheck: Tracked<boolean>;
  /** Aliases (`aws_kms_alias`) whose target_key_id resolves to this key. */
  readonly aliases: readonly Alias[];
  /** Always true for keys defined in the configuration (AWS-managed keys are never resources). */
  readonly customerManaged: true;
  readonly tags: Tracked<Tags>;
}

export interface Alias extends ModelObject {
  /** `alias/...`. */
  readonly name: Tracked<string>;
  readonly targetKeyId: Tracked<string>;
  readonly target: Link<Key>;
}

/**
 * What a `kms_key_id`-like attribute names: a key of this configuration (directly, through its ARN/id, or through
 * an alias), an AWS-managed key (`alias/aws/s3`, `arn:…:alias/aws/…`), a literal id/ARN of a key outside the
 * configuration, an unknown, or nothing.
 */
export type KeyLink =
  | Link<Key>
  | {
      readonly kind: "aws-managed";
      /** The alias, e.g. `alias/aws/s3`. */
      readonly alias: string;
    };

/** A KMS key reference with the attribute it came from. */
export interface KeyReference {
  /** The attribute as written (`kms_key_id`, `kms_master_key_id`, `kms_key_arn` …). */
  readonly id: Tracked<string>;
  readonly key: KeyLink;
  /** When resolved through an `aws_kms_alias` (resource) or an alias data source, its address. */
  readonly viaAlias?: string;
}
