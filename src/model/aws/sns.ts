/** SNS topics. */
import type { PolicyValue } from "./iam.js";
import type { KeyReference } from "./kms.js";
import type { ModelObject, Tags, Tracked } from "./resource.js";

export interface Topic extends ModelObject {
  /** Unknown when generated. */
  readonly name: Tracked<string>;
  /** `kms_master_key_id`; absent: not encrypted at rest. */
  readonly kmsKey: KeyReference;
  /** `policy` on the topic or an `aws_sns_topic_policy`. */
  readonly policy: PolicyValue | undefined;
  /** Default false. */
  readonly fifo: Tracked<boolean>;
  readonly tags: Tracked<Tags>;
}
