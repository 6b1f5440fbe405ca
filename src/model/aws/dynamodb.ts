/**
 * DynamoDB tables. Without `server_side_encryption` a table is encrypted with an AWS owned key; `enabled = true`
 * without a key uses the AWS-managed `aws/dynamodb` key.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
 */
import type { KeyReference } from "./kms.js";
import type { ModelObject, Tags, Tracked } from "./resource.js";

export interface DynamoTable extends ModelObject {
  readonly name: Tracked<string>;
  /** `server_side_encryption.enabled`; default false (AWS owned key). */
  readonly sseEnabled: Tracked<boolean>;
  readonly kmsKey: KeyReference;
  /** `point_in_time_recovery.enabled`; default false. */
  readonly pointInTimeRecovery: Tracked<boolean>;
  /** Default false. */
  readonly deletionProtection: Tracked<boolean>;
  readonly tags: Tracked<Tags>;
}
