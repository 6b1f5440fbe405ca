/**
 * S3: buckets and the join of their split configuration. Every `aws_s3_bucket_*` resource is joined to its bucket by
 * reference (the `bucket` attribute's unknown names the bucket instance, across modules), by literal bucket name or
 * ARN, or — for an iteration-dependent reference — by the same instance key; inline legacy blocks are read from the
 * bucket itself. A separate resource wins over an inline block (AWS keeps whichever is applied last; the provider
 * documents that mixing them is unsupported), and both are reported.
 */
import { warning } from "../../hcl/diagnostic.js";
import type { Range } from "../../hcl/range.js";
import type { Value } from "../../hcl/value.js";
import type { Tracked } from "../../model/aws/resource.js";
import type {
  Bucket,
  BucketAcl,
  BucketEncryption,
  BucketLogging,
  BucketObjectLock,
  BucketOwnership,
  BucketPublicAccessBlock,
  BucketReplication,
  BucketVersioning,
  LifecycleRule,
  Provenance,
  ReplicationRule,
} from "../../model/aws/s3.js";
import type { EvaluatedBody, ResourceInstance } from "../../terraform/graph.js";
import type { AdaptContext, Mutable } from "./context.js";
import { bucketNameOf, JoinIndex } from "./join.js";
import { unjoined } from "./kms.js";
import { block, blocks, rawValue } from "./read.js";

type BucketPart =
  | "encryption"
  | "versioning"
  | "objectLock"
  | "logging"
  | "publicAccessBlock"
  | "ownership"
  | "acl"
  | "policy"
  | "lifecycle"
  | "replication";

/** The separate resources and the part of the bucket each configures. */
const splitResources: readonly (readonly [string, BucketPart])[] = [
  ["aws_s3_bucket_server_side_encryption_configuration", "encryption"],
  ["aws_s3_bucket_versioning", "versioning"],
  ["aws_s3_bucket_object_lock_configuration", "objectLock"],
  ["aws_s3_bucket_logging", "logging"],
  ["aws_s3_bucket_public_access_block", "publicAccessBlock"],
  ["aws_s3_bucket_ownership_controls", "ownership"],
  ["aws_s3_bucket_acl", "acl"],
  ["aws_s3_bucket_policy", "policy"],
  ["aws_s3_bucket_lifecycle_configuration", "lifecycle"],
  ["aws_s3_bucket_replication_configuration", "replication"],
];

/** A body with nothing written, for reading defaults at a range. */
function emptyBody(range: Range): EvaluatedBody {
  return { range, attributes: Object.create(null), blocks: Object.create(null) };
}

/** A tracked leaf with its value mapped (origin and range kept). */
function mapTracked<A, B>(t: Tracked<A>, f: (a: A) => B | undefined): Tracked<B> {
  return { value: t.value === undefined ? undefined : f(t.value), range: t.range, origin: t.origin };
}

interface Pending {
  /** Raw `target_bucket` values to resolve once every bucket is indexed. */
  logging: { bucket: Mutable<Bucket>; value: Value | undefined; from: ResourceInstance }[];
  replication: { rule: Mutable<ReplicationRule>; value: Value | undefined; from: ResourceInstance }[];
}

export class BucketAdapter {
  readonly index = new JoinIndex<Bucket>();
  /** Which parts came from a separate resource, per bucket, to report a second one. */
  private readonly joinedParts = new Map<Bucket, Map<BucketPart, string>>();
  private readonly pending: Pending = { logging: [], replication: [] };

  constructor(private readonly ctx: AdaptContext) {}

  run(): void {
    for (const instance of this.ctx.instances("aws_s3_bucket")) this.ctx.guard(instance, () => this.bucket(instance));
    for (const [type, part] of splitResources) {
      for (const instance of this.ctx.instances(type)) this.ctx.guard(instance, () => this.joinSplit(instance, part));
    }
    for (const { bucket, value, from } of this.pending.logging) {
      const target = this.index.resolve(value, { from, nameOf: bucketNameOf });
      (bucket.logging as Mutable<BucketLogging>).target = target;
      if (target.kind === "resolved") {
        const logTarget = target.target as Mutable<Bucket>;
        (logTarget.logSources as Bucket[]).push(bucket);
        logTarget.isLogTarget = true;
      }
    }
    for (const { rule, value, from } of this.pending.replication) {
      rule.destination = this.index.resolve(value, { from, nameOf: bucketNameOf });
    }
  }

  private bucket(instance: ResourceInstance): void {
    const { ctx } = this;
    const r = ctx.read;
    const body = instance.body;
    const absent: Provenance = { kind: "absent", address: instance.address, range: instance.range };
    const inline = (type: string): { provenance: Provenance; body: EvaluatedBody } | undefined => {
      const b = block(body, type);
      return b ? { provenance: { kind: "inline", address: instance.address, range: b.range }, body: b } : undefined;
    };

    const sse = inline("server_side_encryption_configuration");
    const versioning = inline("versioning");
    const lockBlock = inline("object_lock_configuration");
    const logging = inline("logging");
    const replication = inline("replication_configuration");
    const hasInlineAcl = body.attributes.acl !== undefined || blocks(body, "grant").length > 0;
    const lifecycleRules = blocks(body, "lifecycle_rule");

    const bucket: Mutable<Bucket> = {
      ...ctx.base(instance),
      name: r.string(body, "bucket"),
      bucketPrefix: r.string(body, "bucket_prefix"),
      forceDestroy: r.bool(body, "force_destroy", false),
      encryption: sse
        ? this.encryption(instance, sse.body, sse.provenance)
        : this.encryption(instance, undefined, absent),
      versioning: versioning
        ? this.inlineVersioning(versioning.body, versioning.provenance)
        : this.versioning(undefined, absent),
      objectLock: this.inlineObjectLock(instance, lockBlock, absent),
      logging: logging ? this.logging(logging.body, logging.provenance) : this.logging(undefined, absent),
      publicAccessBlock: this.publicAccessBlock(undefined, absent),
      ownership: this.ownership(undefined, absent),
      acl: hasInlineAcl
        ? this.acl(body, {
            kind: "inline",
            address: instance.address,
            range: body.attributes.acl?.range ?? instance.range,
          })
        : this.acl(undefined, absent),
      policy: ctx.policy(instance, "policy"),
      lifecycle:
        lifecycleRules.length > 0
          ? {
              provenance: {
                kind: "inline",
                address: instance.address,
                range: lifecycleRules[0]?.range ?? instance.range,
              },
              rules: lifecycleRules.map((b) => this.lifecycleRule(b, true)),
            }
          : { provenance: absent, rules: [] },
      replication: replication ? this.replication(instance, replication.body, replication.provenance, true) : undefined,
      tags: r.defaulted(instance.range),
      logSources: [],
      isLogTarget: false,
      trailSources: [],
    };
    bucket.tags = ctx.tags(instance, bucket);
    if (logging) this.pending.logging.push({ bucket, value: rawValue(logging.body, "target_bucket"), from: instance });
    this.index.add(instance, bucket);
    if (!this.index.addName(bucket.name.value, bucket)) {
      ctx.diagnostics.push(
        warning(
          "Duplicate bucket name",
          `${instance.address} and ${this.index.named(bucket.name.value as string)?.address} are both named "${bucket.name.value}"; bucket names are global, so references by name join the first.`,
          bucket.name.range,
        ),
      );
    }
    ctx.register(bucket);
  }

  private joinSplit(instance: ResourceInstance, part: BucketPart): void {
    const { ctx } = this;
    const body = instance.body;
    const link = this.index.resolve(rawValue(body, "bucket"), { from: instance, nameOf: bucketNameOf });
    if (link.kind !== "resolved") {
      ctx.diagnostics.push(unjoined(body.attributes.bucket?.range ?? instance.range, instance.address, "bucket"));
      return;
    }
    const bucket = link.target as Mutable<Bucket> & { sources: Bucket["sources"][number][] };
    let parts = this.joinedParts.get(bucket);
    if (!parts) {
      parts = new Map();
      this.joinedParts.set(bucket, parts);
    }
    const earlier = parts.get(part);
    if (earlier !== undefined) {
      ctx.diagnostics.push(
        warning(
          "Bucket configured twice",
          `${instance.address} and ${earlier} both configure ${part} of ${bucket.address}; the model keeps ${earlier}.`,
          instance.range,
        ),
      );
      ctx.join(bucket, instance);
      return;
    }
    parts.set(part, instance.address);
    const provenance: Provenance = { kind: "resource", address: instance.address, range: instance.range };
    const inlineKind = this.currentKind(bucket, part);
    if (inlineKind === "inline") {
      ctx.diagnostics.push(
        warning(
          "Bucket configured inline and by a separate resource",
          `${bucket.address} also configures ${part} inline; ${instance.address} replaces it in the model (the provider does not support both).`,
          instance.range,
        ),
      );
    }
    switch (part) {
      case "encryption":
        bucket.encryption = this.encryption(instance, body, provenance);
        break;
      case "versioning": {
        const config = block(body, "versioning_configuration");
        bucket.versioning = this.versioning(config, { ...provenance, range: config?.range ?? instance.range });
        break;
      }
      case "objectLock":
        bucket.objectLock = this.splitObjectLock(bucket.objectLock, instance, provenance);
        break;
      case "logging":
        bucket.logging = this.logging(body, provenance);
        this.pending.logging.push({ bucket, value: rawValue(body, "target_bucket"), from: instance });
        break;
      case "publicAccessBlock":
        bucket.publicAccessBlock = this.publicAccessBlock(body, provenance);
        break;
      case "ownership":
        bucket.ownership = this.ownership(block(body, "rule"), provenance);
        break;
      case "acl":
        bucket.acl = this.acl(body, provenance);
        break;
      case "policy":
        bucket.policy = ctx.policy(instance, "policy");
        break;
      case "lifecycle":
        bucket.lifecycle = { provenance, rules: blocks(body, "rule").map((b) => this.lifecycleRule(b, false)) };
        break;
      case "replication":
        bucket.replication = this.replication(instance, body, provenance, false);
        break;
    }
    ctx.join(bucket, instance);
  }

  private currentKind(bucket: Bucket, part: BucketPart): Provenance["kind"] | undefined {
    switch (part) {
      case "policy":
        return bucket.policy ? "inline" : undefined;
      case "replication":
        return bucket.replication?.provenance.kind;
      default:
        return bucket[part].provenance.kind;
    }
  }

  /** `body` holds `rule { apply_server_side_encryption_by_default {…} bucket_key_enabled }`. */
  private encryption(
    instance: ResourceInstance,
    body: EvaluatedBody | undefined,
    provenance: Provenance,
  ): BucketEncryption {
    const r = this.ctx.read;
    const rule = body ? block(body, "rule") : undefined;
    const apply = rule ? block(rule, "apply_server_side_encryption_by_default") : undefined;
    const applyBody = apply ?? emptyBody(rule?.range ?? provenance.range);
    const algorithm = r.string(applyBody, "sse_algorithm", "AES256");
    let kmsKey = this.ctx.keyReference(instance, "kms_master_key_id", applyBody);
    // SSE-KMS without a key id uses the AWS-managed key.
    if (kmsKey.key.kind === "none" && algorithm.value?.startsWith("aws:kms")) {
      kmsKey = { ...kmsKey, key: { kind: "aws-managed", alias: "alias/aws/s3" } };
    }
    return {
      provenance,
      algorithm,
      kmsKey,
      bucketKeyEnabled: r.bool(rule ?? emptyBody(provenance.range), "bucket_key_enabled", false),
    };
  }

  private inlineVersioning(body: EvaluatedBody, provenance: Provenance): BucketVersioning {
    const r = this.ctx.read;
    return {
      provenance,
      status: mapTracked(r.bool(body, "enabled", false), (on) => (on ? "Enabled" : "Disabled")),
      mfaDelete: r.bool(body, "mfa_delete", false),
    };
  }

  /** `versioning_configuration { status, mfa_delete = "Enabled" | "Disabled" }`. */
  private versioning(body: EvaluatedBody | undefined, provenance: Provenance): BucketVersioning {
    const r = this.ctx.read;
    const b = body ?? emptyBody(provenance.range);
    return {
      provenance,
      status: r.string(b, "status", "Disabled"),
      mfaDelete: mapTracked(r.string(b, "mfa_delete"), (s) => s === "Enabled"),
    };
  }

  /** The bucket's `object_lock_enabled` and the legacy `object_lock_configuration` block. */
  private inlineObjectLock(
    instance: ResourceInstance,
    lock: { provenance: Provenance; body: EvaluatedBody } | undefined,
    absent: Provenance,
  ): BucketObjectLock {
    const r = this.ctx.read;
    const attribute = r.bool(instance.body, "object_lock_enabled", false);
    const fromBlock = lock ? mapTracked(r.string(lock.body, "object_lock_enabled"), (s) => s === "Enabled") : undefined;
    const enabled =
      attribute.origin === "default" && fromBlock && fromBlock.origin !== "default" ? fromBlock : attribute;
    const provenance: Provenance =
      attribute.origin !== "default"
        ? { kind: "inline", address: instance.address, range: attribute.range }
        : (lock?.provenance ?? absent);
    return { provenance, enabled, ...this.retention(lock?.body, lock?.provenance ?? absent) };
  }

  /** `aws_s3_bucket_object_lock_configuration` (its `object_lock_enabled` defaults to "Enabled"). */
  private splitObjectLock(
    current: BucketObjectLock,
    instance: ResourceInstance,
    provenance: Provenance,
  ): BucketObjectLock {
    const r = this.ctx.read;
    const written = mapTracked(r.string(instance.body, "object_lock_enabled", "Enabled"), (s) => s === "Enabled");
    const enabled = current.enabled.origin === "explicit" && current.enabled.value === true ? current.enabled : written;
    return {
      provenance: current.enabled === enabled ? current.provenance : provenance,
      enabled,
      ...this.retention(instance.body, provenance),
    };
  }

  /** `rule { default_retention { mode, days, years } }` of a lock configuration body. */
  private retention(
    body: EvaluatedBody | undefined,
    provenance: Provenance,
  ): Pick<BucketObjectLock, "hasDefaultRetention" | "mode" | "days" | "years" | "retentionProvenance"> {
    const r = this.ctx.read;
    const rule = body ? block(body, "rule") : undefined;
    const retention = rule ? block(rule, "default_retention") : undefined;
    const b = retention ?? emptyBody(rule?.range ?? provenance.range);
    return {
      hasDefaultRetention: retention
        ? { value: true, range: retention.range, origin: "explicit" }
        : r.defaulted(b.range, false),
      mode: r.string(b, "mode"),
      days: r.number(b, "days"),
      years: r.number(b, "years"),
      retentionProvenance: provenance,
    };
  }

  private logging(body: EvaluatedBody | undefined, provenance: Provenance): BucketLogging {
    const r = this.ctx.read;
    const b = body ?? emptyBody(provenance.range);
    return {
      provenance,
      enabled: body
        ? { value: true, range: provenance.range, origin: "explicit" }
        : r.defaulted(provenance.range, false),
      targetBucketName: r.string(b, "target_bucket"),
      target: { kind: "none" },
      targetPrefix: r.string(b, "target_prefix"),
    };
  }

  private publicAccessBlock(body: EvaluatedBody | undefined, provenance: Provenance): BucketPublicAccessBlock {
    const r = this.ctx.read;
    // Absent: new buckets have all four on; present: each unset flag is the provider's false.
    const fallback = body === undefined;
    const b = body ?? emptyBody(provenance.range);
    return {
      provenance,
      blockPublicAcls: r.bool(b, "block_public_acls", fallback),
      blockPublicPolicy: r.bool(b, "block_public_policy", fallback),
      ignorePublicAcls: r.bool(b, "ignore_public_acls", fallback),
      restrictPublicBuckets: r.bool(b, "restrict_public_buckets", fallback),
    };
  }

  private ownership(rule: EvaluatedBody | undefined, provenance: Provenance): BucketOwnership {
    const b = rule ?? emptyBody(provenance.range);
    return { provenance, objectOwnership: this.ctx.read.string(b, "object_ownership", "BucketOwnerEnforced") };
  }

  private acl(body: EvaluatedBody | undefined, provenance: Provenance): BucketAcl {
    const r = this.ctx.read;
    const b = body ?? emptyBody(provenance.range);
    const grants = blocks(b, "grant")[0] ?? blocks(b, "access_control_policy")[0];
    return {
      provenance,
      acl: r.string(b, "acl", "private"),
      hasGrants: grants
        ? { value: true, range: grants.range, origin: "explicit" }
        : r.defaulted(provenance.range, false),
    };
  }

  /** A legacy `lifecycle_rule` (inline) or a `rule` of `aws_s3_bucket_lifecycle_configuration`. */
  private lifecycleRule(rule: EvaluatedBody & { unknownExpansion: boolean }, legacy: boolean): LifecycleRule {
    const r = this.ctx.read;
    const sub = (type: string) => block(rule, type) ?? emptyBody(rule.range);
    const expiration = sub("expiration");
    const noncurrentExpiration = sub("noncurrent_version_expiration");
    const daysName = legacy ? "days" : "noncurrent_days";
    return {
      range: rule.range,
      id: r.string(rule, "id"),
      enabled: legacy ? r.bool(rule, "enabled") : mapTracked(r.string(rule, "status"), (s) => s === "Enabled"),
      unknownExpansion: rule.unknownExpansion,
      expirationDays: r.number(expiration, "days"),
      transitions: blocks(rule, "transition").map((t) => ({
        range: t.range,
        days: r.number(t, "days"),
        storageClass: r.string(t, "storage_class"),
      })),
      noncurrentVersionExpirationDays: r.number(noncurrentExpiration, daysName),
      noncurrentVersionTransitions: blocks(rule, "noncurrent_version_transition").map((t) => ({
        range: t.range,
        days: r.number(t, daysName),
        storageClass: r.string(t, "storage_class"),
      })),
      abortIncompleteMultipartUploadDays: legacy
        ? r.number(rule, "abort_incomplete_multipart_upload_days")
        : r.number(sub("abort_incomplete_multipart_upload"), "days_after_initiation"),
    };
  }

  private replication(
    instance: ResourceInstance,
    body: EvaluatedBody,
    provenance: Provenance,
    legacy: boolean,
  ): BucketReplication {
    const r = this.ctx.read;
    const rules = blocks(body, legacy ? "rules" : "rule").map((rule) => {
      const destination = block(rule, "destination") ?? emptyBody(rule.range);
      const keyBody = legacy
        ? destination
        : (block(destination, "encryption_configuration") ?? emptyBody(destination.range));
      const model: Mutable<ReplicationRule> = {
        range: rule.range,
        id: r.string(rule, "id"),
        status: r.string(rule, "status"),
        destinationBucketArn: r.string(destination, "bucket"),
        destination: { kind: "none" },
        storageClass: r.string(destination, "storage_class"),
        replicaKmsKey: this.ctx.keyReference(instance, "replica_kms_key_id", keyBody),
      };
      this.pending.replication.push({ rule: model, value: rawValue(destination, "bucket"), from: instance });
      return model;
    });
    return { provenance, role: r.string(body, "role"), rules };
  }
}

export function adaptBuckets(ctx: AdaptContext): JoinIndex<Bucket> {
  const adapter = new BucketAdapter(ctx);
  adapter.run();
  return adapter.index;
}
