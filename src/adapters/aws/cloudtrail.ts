/**
 * CloudTrail trails: the bucket, log group and key they use, and the S3 data events their selectors capture.
 * Selector semantics: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html
 * and https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DataResource.html.
 */
import { SetValue, Unknown, unmark, type Value } from "../../hcl/value.js";
import type {
  AdvancedEventSelector,
  DataResource,
  EventSelector,
  FieldSelector,
  S3DataEventCoverage,
  Trail,
} from "../../model/aws/cloudtrail.js";
import type { LogGroup } from "../../model/aws/cloudwatch.js";
import type { Bucket } from "../../model/aws/s3.js";
import type { ResourceInstance } from "../../terraform/graph.js";
import { logGroupNameOf } from "./cloudwatch.js";
import type { AdaptContext, Mutable } from "./context.js";
import { bucketNameOf, type JoinIndex } from "./join.js";
import { blocks, rawValue } from "./read.js";

type Scope = S3DataEventCoverage["scope"];

/** Raw list elements of an attribute (a whole unknown list: one unknown). */
function rawList(value: Value | undefined): readonly Value[] {
  if (value === undefined) return [];
  const plain = unmark(value).value;
  if (plain === null) return [];
  if (Array.isArray(plain)) return plain;
  if (plain instanceof SetValue) return plain.items;
  return [plain];
}

export function adaptTrails(ctx: AdaptContext, buckets: JoinIndex<Bucket>, logGroups: JoinIndex<LogGroup>): Trail[] {
  const r = ctx.read;
  const trails: Trail[] = [];

  /** An S3 ARN prefix from a selector: all buckets, one bucket, a literal, or unknown. */
  const scopeOf = (value: Value, from: ResourceInstance): Scope => {
    const plain = unmark(value).value;
    if (typeof plain === "string") {
      if (/^arn:[^:]+:s3(:::)?$/.test(plain) || /^arn:[^:]+:s3:::$/.test(plain)) return { kind: "all" };
      const link = buckets.resolve(plain, { nameOf: bucketNameOf });
      return link.kind === "resolved" ? { kind: "bucket", bucket: link.target } : { kind: "literal", text: plain };
    }
    const link = buckets.resolve(plain, { from });
    return link.kind === "resolved" ? { kind: "bucket", bucket: link.target } : { kind: "unknown" };
  };

  for (const instance of ctx.instances("aws_cloudtrail")) {
    ctx.guard(instance, () => {
      const body = instance.body;
      const eventSelectors: EventSelector[] = [];
      const coverage: S3DataEventCoverage[] = [];
      let selectorsUnknown = false;

      for (const selector of blocks(body, "event_selector")) {
        if (selector.unknownExpansion) selectorsUnknown = true;
        const readWriteType = r.string(selector, "read_write_type", "All");
        const dataResources: DataResource[] = blocks(selector, "data_resource").map((d) => ({
          range: d.range,
          type: r.string(d, "type"),
          values: r.strings(d, "values"),
        }));
        eventSelectors.push({
          range: selector.range,
          readWriteType,
          includeManagementEvents: r.bool(selector, "include_management_events", true),
          dataResources,
        });
        const rw = readWriteType.value;
        const read = rw === undefined || rw === "All" || rw === "ReadOnly";
        const write = rw === undefined || rw === "All" || rw === "WriteOnly";
        for (const d of blocks(selector, "data_resource")) {
          const type = rawValue(d, "type");
          if (type !== "AWS::S3::Object" && !(unmark(type ?? null).value instanceof Unknown)) continue;
          for (const v of rawList(rawValue(d, "values"))) {
            coverage.push({
              range: d.range,
              scope: scopeOf(v, instance),
              excluded: [],
              read,
              write,
              uncertain: rw === undefined || typeof type !== "string" || d.unknownExpansion,
            });
          }
        }
      }

      const advancedEventSelectors: AdvancedEventSelector[] = [];
      for (const selector of blocks(body, "advanced_event_selector")) {
        if (selector.unknownExpansion) selectorsUnknown = true;
        const fieldSelectors: FieldSelector[] = blocks(selector, "field_selector").map((f) => ({
          range: f.range,
          field: r.string(f, "field"),
          equals: r.strings(f, "equals"),
          notEquals: r.strings(f, "not_equals"),
          startsWith: r.strings(f, "starts_with"),
          notStartsWith: r.strings(f, "not_starts_with"),
          endsWith: r.strings(f, "ends_with"),
          notEndsWith: r.strings(f, "not_ends_with"),
        }));
        advancedEventSelectors.push({ range: selector.range, name: r.string(selector, "name"), fieldSelectors });
        coverage.push(...advancedCoverage(selector.range, selector.blocks.field_selector ?? [], instance, scopeOf));
      }

      const trail: Mutable<Trail> = {
        ...ctx.base(instance),
        name: r.string(body, "name"),
        enableLogging: r.bool(body, "enable_logging", true),
        isMultiRegionTrail: r.bool(body, "is_multi_region_trail", false),
        includeGlobalServiceEvents: r.bool(body, "include_global_service_events", true),
        enableLogFileValidation: r.bool(body, "enable_log_file_validation", false),
        isOrganizationTrail: r.bool(body, "is_organization_trail", false),
        kmsKey: ctx.keyReference(instance, "kms_key_id"),
        s3BucketName: r.string(body, "s3_bucket_name"),
        bucket: buckets.resolve(rawValue(body, "s3_bucket_name"), { from: instance, nameOf: bucketNameOf }),
        s3KeyPrefix: r.string(body, "s3_key_prefix"),
        cloudWatchLogsGroupArn: r.string(body, "cloud_watch_logs_group_arn"),
        logGroup: logGroups.resolve(rawValue(body, "cloud_watch_logs_group_arn"), {
          from: instance,
          nameOf: logGroupNameOf,
        }),
        cloudWatchLogsRoleArn: r.string(body, "cloud_watch_logs_role_arn"),
        snsTopicName: r.string(body, "sns_topic_name"),
        eventSelectors,
        advancedEventSelectors,
        s3DataEvents: coverage,
        selectorsUnknown,
        tags: r.defaulted(instance.range),
      };
      trail.tags = ctx.tags(instance, trail);
      if (trail.bucket.kind === "resolved") (trail.bucket.target.trailSources as string[]).push(instance.address);
      trails.push(trail);
      ctx.register(trail);
    });
  }
  return trails;
}

type Raw = { range: FieldSelector["range"]; attributes: Record<string, { value: Value }> };

/**
 * S3 object data events of one advanced selector. All field selectors must match (AND); within one, values are
 * alternatives. It captures S3 data events when `eventCategory` equals `Data` and `resources.type` equals
 * `AWS::S3::Object`; `readOnly` narrows to reads or writes; `resources.ARN` narrows to buckets (StartsWith/Equals)
 * or excludes some (NotStartsWith/NotEquals).
 */
function advancedCoverage(
  range: FieldSelector["range"],
  fields: readonly Raw[],
  from: ResourceInstance,
  scopeOf: (value: Value, from: ResourceInstance) => Scope,
): S3DataEventCoverage[] {
  let category: readonly Value[] | undefined;
  let resourceType: readonly Value[] | undefined;
  let readOnly: readonly Value[] | undefined;
  let arnIncludes: Value[] | undefined;
  const excluded: (Bucket | string)[] = [];
  let uncertain = false;
  const list = (f: Raw, name: string) => rawList(f.attributes[name]?.value);
  for (const f of fields) {
    const field = unmark(f.attributes.field?.value ?? null).value;
    if (typeof field !== "string") {
      uncertain = true;
      continue;
    }
    const equals = list(f, "equals");
    switch (field) {
      case "eventCategory":
        category = equals;
        break;
      case "resources.type":
        resourceType = equals;
        break;
      case "readOnly":
        readOnly = equals;
        break;
      case "resources.ARN": {
        const includes = [...equals, ...list(f, "starts_with")];
        if (includes.length > 0) arnIncludes = [...(arnIncludes ?? []), ...includes];
        for (const v of [...list(f, "not_equals"), ...list(f, "not_starts_with")]) {
          const scope = scopeOf(v, from);
          if (scope.kind === "bucket") excluded.push(scope.bucket);
          else if (scope.kind === "literal") excluded.push(scope.text);
          else uncertain = true;
        }
        if (list(f, "ends_with").length > 0 || list(f, "not_ends_with").length > 0) uncertain = true;
        break;
      }
      default:
        // eventName, eventSource, userIdentity.arn … narrow the events in ways that are not per bucket.
        uncertain = true;
    }
  }
  const has = (values: readonly Value[] | undefined, wanted: string): boolean | undefined => {
    if (values === undefined) return undefined;
    if (values.some((v) => unmark(v).value instanceof Unknown)) uncertain = true;
    return values.some((v) => unmark(v).value === wanted);
  };
  if (has(category, "Data") !== true) return [];
  if (has(resourceType, "AWS::S3::Object") !== true) return [];
  const onlyReads = has(readOnly, "true");
  const onlyWrites = has(readOnly, "false");
  const read = readOnly === undefined || onlyReads === true;
  const write = readOnly === undefined || onlyWrites === true;
  const scopes: Scope[] = arnIncludes ? arnIncludes.map((v) => scopeOf(v, from)) : [{ kind: "all" }];
  return scopes.map((scope) => ({ range, scope, excluded, read, write, uncertain }));
}
