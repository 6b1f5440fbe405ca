/** EC2-level settings: EBS encryption by default (per region) and VPCs with their flow logs. */

import type { LogGroup } from "./cloudwatch.js";
import type { KeyReference } from "./kms.js";
import type { Link, ModelObject, Tags, Tracked } from "./resource.js";
import type { Bucket } from "./s3.js";

/** `aws_ebs_encryption_by_default`. */
export interface EbsEncryptionByDefault extends ModelObject {
  /** Default true (the resource exists to turn it on). */
  readonly enabled: Tracked<boolean>;
}

/** `aws_ebs_default_kms_key`. */
export interface EbsDefaultKmsKey extends ModelObject {
  readonly kmsKey: KeyReference;
}

/** `aws_vpc` or `aws_default_vpc`. */
export interface Vpc extends ModelObject {
  readonly cidrBlock: Tracked<string>;
  readonly isDefault: boolean;
  /** Flow logs attached to this VPC. */
  readonly flowLogs: readonly FlowLog[];
  readonly tags: Tracked<Tags>;
}

/** `aws_flow_log`. */
export interface FlowLog extends ModelObject {
  readonly vpcId: Tracked<string>;
  readonly vpc: Link<Vpc>;
  /** Flow logs on a subnet, ENI or transit gateway instead of a VPC. */
  readonly subnetId: Tracked<string>;
  readonly eniId: Tracked<string>;
  readonly transitGatewayId: Tracked<string>;
  /** `ALL`, `ACCEPT`, `REJECT`. */
  readonly trafficType: Tracked<string>;
  /** `cloud-watch-logs` (default), `s3`, `kinesis-data-firehose`. */
  readonly logDestinationType: Tracked<string>;
  readonly logDestination: Tracked<string>;
  /** For `cloud-watch-logs`. */
  readonly logGroup: Link<LogGroup>;
  /** For `s3`. */
  readonly bucket: Link<Bucket>;
  readonly tags: Tracked<Tags>;
}
