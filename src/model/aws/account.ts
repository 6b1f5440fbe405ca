/** Account-level settings: S3 account public access block, IAM password policy, IAM Access Analyzer. */
import type { ModelObject, Tracked } from "./resource.js";

/** `aws_s3_account_public_access_block`; each flag defaults to false when not written. */
export interface AccountPublicAccessBlock extends ModelObject {
  readonly accountId: Tracked<string>;
  readonly blockPublicAcls: Tracked<boolean>;
  readonly blockPublicPolicy: Tracked<boolean>;
  readonly ignorePublicAcls: Tracked<boolean>;
  readonly restrictPublicBuckets: Tracked<boolean>;
}

/**
 * `aws_iam_account_password_policy`. Defaults are the provider's (unset: no requirement):
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy
 */
export interface PasswordPolicy extends ModelObject {
  /** Default 6. */
  readonly minimumPasswordLength: Tracked<number>;
  /** Unset: no reuse prevention. */
  readonly passwordReusePrevention: Tracked<number>;
  /** Unset: passwords never expire. */
  readonly maxPasswordAge: Tracked<number>;
  readonly requireSymbols: Tracked<boolean>;
  readonly requireNumbers: Tracked<boolean>;
  readonly requireUppercaseCharacters: Tracked<boolean>;
  readonly requireLowercaseCharacters: Tracked<boolean>;
  /** Default true. */
  readonly allowUsersToChangePassword: Tracked<boolean>;
  readonly hardExpiry: Tracked<boolean>;
}

/** `aws_accessanalyzer_analyzer`. */
export interface AccessAnalyzer extends ModelObject {
  readonly name: Tracked<string>;
  /** `ACCOUNT` (default), `ORGANIZATION`, `ACCOUNT_UNUSED_ACCESS`, `ORGANIZATION_UNUSED_ACCESS`. */
  readonly analyzerType: Tracked<string>;
}
