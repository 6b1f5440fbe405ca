/** The root of the typed AWS model: every object by kind, plus lookups. */
import type { AccessAnalyzer, AccountPublicAccessBlock, PasswordPolicy } from "./account.js";
import type { StateBackend } from "./backend.js";
import type { Trail } from "./cloudtrail.js";
import type { Alarm, LogGroup, MetricFilter } from "./cloudwatch.js";
import type { DynamoTable } from "./dynamodb.js";
import type { EbsDefaultKmsKey, EbsEncryptionByDefault, FlowLog, Vpc } from "./ec2.js";
import type { Listener, LoadBalancer } from "./elb.js";
import type { IamModel } from "./iam.js";
import type { Alias, Key } from "./kms.js";
import type { DbCluster, DbInstance } from "./rds.js";
import type { ModelObject } from "./resource.js";
import type { Bucket } from "./s3.js";
import type { Topic } from "./sns.js";

export interface PhiTagOption {
  readonly key: string;
  /** Compared case-insensitively. */
  readonly values: readonly string[];
}

/** Arrays are in graph order (root module first, declaration order, instance keys in order). */
export interface AwsModel {
  readonly buckets: readonly Bucket[];
  readonly keys: readonly Key[];
  readonly aliases: readonly Alias[];
  readonly iam: IamModel;
  readonly trails: readonly Trail[];
  readonly logGroups: readonly LogGroup[];
  readonly metricFilters: readonly MetricFilter[];
  readonly alarms: readonly Alarm[];
  readonly topics: readonly Topic[];
  /** The root module's backend, when it is `s3` (other backends: undefined). */
  readonly backend: StateBackend | undefined;
  readonly ebsEncryptionByDefault: readonly EbsEncryptionByDefault[];
  readonly ebsDefaultKmsKeys: readonly EbsDefaultKmsKey[];
  readonly vpcs: readonly Vpc[];
  readonly flowLogs: readonly FlowLog[];
  readonly dbInstances: readonly DbInstance[];
  readonly dbClusters: readonly DbCluster[];
  readonly loadBalancers: readonly LoadBalancer[];
  readonly listeners: readonly Listener[];
  readonly dynamoTables: readonly DynamoTable[];
  readonly accountPublicAccessBlocks: readonly AccountPublicAccessBlock[];
  readonly passwordPolicies: readonly PasswordPolicy[];
  readonly accessAnalyzers: readonly AccessAnalyzer[];
  /** Every model object by address (split resources map to the object they were joined into). */
  readonly byAddress: ReadonlyMap<string, ModelObject>;
  /** Buckets by known name. */
  readonly bucketsByName: ReadonlyMap<string, Bucket>;
  /** The PHI tag the scope was computed with. */
  readonly phiTag: PhiTagOption;
}
