/**
 * CloudTrail trails and which S3 data events they capture. Defaults:
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
 */
import type { Range } from "../../hcl/range.js";
import type { LogGroup } from "./cloudwatch.js";
import type { KeyReference } from "./kms.js";
import type { Link, ModelObject, Tags, Tracked } from "./resource.js";
import type { Bucket } from "./s3.js";

export interface DataResource {
  readonly range: Range;
  /** `AWS::S3::Object`, `AWS::Lambda::Function` … */
  readonly type: Tracked<string>;
  /** ARN prefixes as written; an element may be unknown (undefined). */
  readonly values: Tracked<readonly (string | undefined)[]>;
}

/** A basic `event_selector` block. */
export interface EventSelector {
  readonly range: Range;
  /** `All` (default), `ReadOnly`, `WriteOnly`. */
  readonly readWriteType: Tracked<string>;
  /** Default true. */
  readonly includeManagementEvents: Tracked<boolean>;
  readonly dataResources: readonly DataResource[];
}

export interface FieldSelector {
  readonly range: Range;
  /** `eventCategory`, `resources.type`, `resources.ARN`, `readOnly`, `eventName` … */
  readonly field: Tracked<string>;
  readonly equals: Tracked<readonly (string | undefined)[]>;
  readonly notEquals: Tracked<readonly (string | undefined)[]>;
  readonly startsWith: Tracked<readonly (string | undefined)[]>;
  readonly notStartsWith: Tracked<readonly (string | undefined)[]>;
  readonly endsWith: Tracked<readonly (string | undefined)[]>;
  readonly notEndsWith: Tracked<readonly (string | undefined)[]>;
}

/** An `advanced_event_selector` block. */
export interface AdvancedEventSelector {
  readonly range: Range;
  readonly name: Tracked<string>;
  readonly fieldSelectors: readonly FieldSelector[];
}

/**
 * One S3 data-event grant of a trail, derived from its selectors: which bucket (or every bucket) has its read and/or
 * write object-level events logged.
 */
export interface S3DataEventCoverage {
  /** The selector block granting it. */
  readonly range: Range;
  /**
   * `all`: every bucket of the account (`arn:aws:s3` / `arn:aws:s3:::` or no ARN filter); `bucket`: one bucket of the
   * configuration; `literal`: a bucket named by ARN that is not in the configuration; `unknown`: an ARN known only
   * after apply that could not be traced to a bucket.
   */
  readonly scope:
    | { readonly kind: "all" }
    | { readonly kind: "bucket"; readonly bucket: Bucket }
    | { readonly kind: "literal"; readonly text: string }
    | { readonly kind: "unknown" };
  /** The selector excludes some buckets (advanced `NotStartsWith`/`NotEquals` on resources.ARN), by address or text. */
  readonly excluded: readonly (Bucket | string)[];
  readonly read: boolean;
  readonly write: boolean;
  /** Part of the selector is unknown: the coverage may be wider or narrower than stated. */
  readonly uncertain: boolean;
}

export interface Trail extends ModelObject {
  readonly name: Tracked<string>;
  /** Default true. */
  readonly enableLogging: Tracked<boolean>;
  /** Default false. */
  readonly isMultiRegionTrail: Tracked<boolean>;
  /** Default true. */
  readonly includeGlobalServiceEvents: Tracked<boolean>;
  /** Default false. */
  readonly enableLogFileValidation: Tracked<boolean>;
  /** Default false. */
  readonly isOrganizationTrail: Tracked<boolean>;
  readonly kmsKey: KeyReference;
  readonly s3BucketName: Tracked<string>;
  readonly bucket: Link<Bucket>;
  readonly s3KeyPrefix: Tracked<string>;
  readonly cloudWatchLogsGroupArn: Tracked<string>;
  readonly logGroup: Link<LogGroup>;
  readonly cloudWatchLogsRoleArn: Tracked<string>;
  readonly snsTopicName: Tracked<string>;
  readonly eventSelectors: readonly EventSelector[];
  readonly advancedEventSelectors: readonly AdvancedEventSelector[];
  /** S3 data events captured, from both kinds of selector. */
  readonly s3DataEvents: readonly S3DataEventCoverage[];
  /** Some selector was produced by a `dynamic` block with an unknown for_each. */
  readonly selectorsUnknown: boolean;
  readonly tags: Tracked<Tags>;
}
