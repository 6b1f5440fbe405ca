/**
 * The Terraform state backend (`terraform { backend "s3" { … } }` of the root module). Settings may also be given
 * with `-backend-config` at init: absent values are `default`, never assumed secure. Defaults:
 * https://developer.hashicorp.com/terraform/language/backend/s3
 */
import type { DynamoTable } from "./dynamodb.js";
import type { KeyReference } from "./kms.js";
import type { Link, ModelObject, Tracked } from "./resource.js";
import type { Bucket } from "./s3.js";

export interface StateBackend extends ModelObject {
  /** `s3`, `local`, `remote` … (`type` of ModelObject is `backend`). */
  readonly backendType: string;
  readonly bucketName: Tracked<string>;
  /** The state bucket, when the configuration defines a bucket of that name. */
  readonly bucket: Link<Bucket>;
  readonly key: Tracked<string>;
  readonly region: Tracked<string>;
  /** Default false. */
  readonly encrypt: Tracked<boolean>;
  readonly kmsKey: KeyReference;
  /** S3-native locking (Terraform ≥ 1.10); default false. */
  readonly useLockfile: Tracked<boolean>;
  /** Deprecated DynamoDB locking. */
  readonly dynamodbTableName: Tracked<string>;
  readonly dynamodbTable: Link<DynamoTable>;
}
