/** Small helpers rules share: three-valued judgements over tracked leaves, scope filters, message text. */
import type { Range } from "../hcl/range.js";
import type { IdentityPolicy, PolicyValue, Role } from "../model/aws/iam.js";
import type { KeyLink, KeyReference } from "../model/aws/kms.js";
import type { AwsModel } from "../model/aws/model.js";
import { type PolicyStatement, type PolicyString, policyStringText, stringParts } from "../model/aws/policy.js";
import {
  bucketObjectsSubject,
  bucketSubject,
  DATA_PLANE_ACTIONS,
  keySubject,
  parseAddress,
  publicGrants,
  type ResourceIdentity,
  type ResourceSubject,
  resourceMatches,
  resourceSubject,
  statementTouches,
  type Tri,
  type TrustedPrincipal,
  trustedPrincipals,
} from "../model/aws/policy-analysis.js";
import type { DbCluster, DbInstance } from "../model/aws/rds.js";
import type { ModelObject, Tracked } from "../model/aws/resource.js";
import type { Bucket } from "../model/aws/s3.js";
import type { ResultStatus, RuleScope, Subject } from "./rule.js";

/** pass/fail by `ok` for a known value; unknown when the value is only known after apply. */
export function judge<T>(leaf: Tracked<T>, ok: (value: T | undefined) => boolean): ResultStatus {
  if (leaf.origin === "unknown") return "unknown";
  return ok(leaf.value) ? "pass" : "fail";
}

/** The objects a rule of this scope judges. */
export function inScope<T extends ModelObject>(scope: RuleScope, objects: readonly T[]): T[] {
  return scope === "phi" ? objects.filter((o) => o.phi.value) : [...objects];
}

/** A leaf for messages: its value, "(not set)" when defaulted without a value, "(known after apply)" when unknown. */
export function show<T>(leaf: Tracked<T>): string {
  if (leaf.origin === "unknown") return "(known after apply)";
  if (leaf.value === undefined) return "(not set)";
  return String(leaf.value);
}

/** Combines statuses: any fail fails, else any unknown is unknown, else pass. */
export function worst(statuses: readonly ResultStatus[]): ResultStatus {
  if (statuses.includes("fail")) return "fail";
  if (statuses.includes("unknown")) return "unknown";
  return "pass";
}

/**
 * A bucket that receives the server access logs of other buckets: exempt from the rules a log target cannot meet
 * (CMK encryption, Object Lock, its own access logging). A bucket logging only into itself is not exempt.
 */
export function isLogTargetOfOthers(bucket: Bucket): boolean {
  return bucket.logSources.some((source) => source !== bucket);
}

/** Where a policy's statements are written: its `aws_iam_policy_document` block, else the policy attribute. */
export function policyLocation(policy: PolicyValue): Range {
  return policy.dataSourceRange ?? policy.range;
}

/** A bucket as the policy analyser names it: by address (symbolic ARN), and by name when known before apply. */
export function bucketIdentity(bucket: Bucket): ResourceIdentity {
  return bucket.name.value === undefined
    ? { address: bucket.address }
    : { address: bucket.address, name: bucket.name.value };
}

/** Canned ACLs that grant access beyond the bucket owner's account. */
const publicCannedAcls = new Set(["public-read", "public-read-write", "authenticated-read"]);

export interface Exposure {
  readonly status: "public" | "private" | "unknown";
  /** Why it is (or may be) public: the public statement, the ACL, or the unknown leaf; the bucket when private. */
  readonly at: Range;
  readonly reason: string;
}

/**
 * Whether a bucket is public in effect: its policy grants to everyone (without a restricting condition) and Block
 * Public Access neither rejects nor ignores it, or a public canned ACL is in force (ACLs not disabled, not blocked).
 */
export function bucketExposure(bucket: Bucket): Exposure {
  const pab = bucket.publicAccessBlock;
  const neutralised = (flags: readonly Tracked<boolean>[]): ResultStatus =>
    flags.some((f) => f.origin !== "unknown" && f.value === true)
      ? "pass"
      : flags.some((f) => f.origin === "unknown")
        ? "unknown"
        : "fail";
  const unknowns: Exposure[] = [];
  const policy = bucket.policy;
  if (policy) {
    const blocked = neutralised([pab.blockPublicPolicy, pab.restrictPublicBuckets]);
    if (blocked !== "pass") {
      if (policy.origin === "unknown" || !policy.document) {
        unknowns.push({ status: "unknown", at: policy.range, reason: "its policy is known only after apply" });
      } else {
        for (const grant of publicGrants(policy.document)) {
          if (grant.result === "no") continue;
          const status = grant.result === "yes" && blocked === "fail" ? "public" : "unknown";
          const exposure: Exposure = { status, at: grant.statement.range, reason: "its policy grants to everyone" };
          if (status === "public") return exposure;
          unknowns.push(exposure);
        }
      }
    }
  }
  const acl = bucket.acl.acl;
  const ownership = bucket.ownership.objectOwnership;
  const aclsDisabled = ownership.origin !== "unknown" && ownership.value === "BucketOwnerEnforced";
  if (!aclsDisabled) {
    const blocked = neutralised([pab.blockPublicAcls, pab.ignorePublicAcls]);
    const aclPublic = acl.origin === "unknown" ? "unknown" : publicCannedAcls.has(acl.value ?? "") ? "fail" : "pass";
    if (blocked !== "pass" && aclPublic !== "pass") {
      const status =
        aclPublic === "fail" && blocked === "fail" && ownership.origin !== "unknown" ? "public" : "unknown";
      const exposure: Exposure = { status, at: acl.range, reason: `its ACL is ${show(acl)}` };
      if (status === "public") return exposure;
      unknowns.push(exposure);
    }
    const grants = bucket.acl.hasGrants;
    if (blocked !== "pass" && grants.origin !== "default" && grants.value !== false) {
      // Explicit grants may name AllUsers; their grantees are not in the model, so they are not judged private.
      unknowns.push({ status: "unknown", at: grants.range, reason: "its ACL grants are not analysed" });
    }
  }
  return unknowns[0] ?? { status: "private", at: bucket.range, reason: "" };
}

/** The four Block Public Access flags by their Terraform names, in the model's order. */
export function publicAccessFlags(block: {
  readonly blockPublicAcls: Tracked<boolean>;
  readonly blockPublicPolicy: Tracked<boolean>;
  readonly ignorePublicAcls: Tracked<boolean>;
  readonly restrictPublicBuckets: Tracked<boolean>;
}): readonly (readonly [string, Tracked<boolean>])[] {
  return [
    ["block_public_acls", block.blockPublicAcls],
    ["block_public_policy", block.blockPublicPolicy],
    ["ignore_public_acls", block.ignorePublicAcls],
    ["restrict_public_buckets", block.restrictPublicBuckets],
  ];
}

/** Earliest in the source first, so a finding points at the first flag a reader meets. */
export function bySourcePosition<T extends readonly [string, Tracked<boolean>]>(a: T, b: T): number {
  return a[1].range.start.byte - b[1].range.start.byte;
}

/**
 * Flags that must all be true: fail naming those that are not (located at the first in the source), else unknown
 * naming those known only after apply, else pass.
 */
export function judgeFlags(flags: readonly (readonly [string, Tracked<boolean>])[]): {
  readonly status: ResultStatus;
  readonly names: string;
  readonly at: Range | undefined;
} {
  const off = flags.filter(([, f]) => f.origin !== "unknown" && f.value !== true).sort(bySourcePosition);
  const unknown = flags.filter(([, f]) => f.origin === "unknown").sort(bySourcePosition);
  const decisive = off.length > 0 ? off : unknown;
  const status: ResultStatus = off.length > 0 ? "fail" : unknown.length > 0 ? "unknown" : "pass";
  return { status, names: decisive.map(([name]) => name).join(", "), at: decisive[0]?.[1].range };
}

/** A KMS key reference judged as a customer-managed key, with the message id the rules share for each case. */
export interface KeyVerdict {
  readonly status: ResultStatus;
  /** customerManagedKey | externalKey | awsManagedKey | keyUnknown | noKey. */
  readonly messageId: string;
  /** The key's address, the name as written, the AWS-managed alias, or "(not set)". */
  readonly key: string;
}

/**
 * A key of this configuration or a key/alias named outside it (AWS-managed keys are named `alias/aws/…`, so a
 * literal id, ARN or other alias is taken as customer-managed) passes; an AWS-managed key fails; an unknown is
 * unknown. `absent`: the AWS-managed alias the service uses when no key is set, or undefined when that means none.
 */
export function judgeCustomerKey(ref: KeyReference, absent: string | undefined): KeyVerdict {
  const key = ref.key;
  switch (key.kind) {
    case "resolved":
      return { status: "pass", messageId: "customerManagedKey", key: key.target.address };
    case "literal":
      return { status: "pass", messageId: "externalKey", key: key.text };
    case "aws-managed":
      return { status: "fail", messageId: "awsManagedKey", key: key.alias };
    case "unknown":
      return { status: "unknown", messageId: "keyUnknown", key: show(ref.id) };
    default:
      return absent === undefined
        ? { status: "fail", messageId: "noKey", key: "(not set)" }
        : { status: "fail", messageId: "awsManagedKey", key: absent };
  }
}

/** RDS clusters and the DB instances that are not cluster members (members take storage and backups from it). */
export function databases(model: AwsModel): (DbInstance | DbCluster)[] {
  const standalone = model.dbInstances.filter((db) => db.type === "aws_db_instance" && db.cluster.kind === "none");
  return [...standalone, ...model.dbClusters];
}

/**
 * Whether an object stands for a `count`/`for_each` (of its own or of an enclosing module call) known only after
 * apply: the graph addresses it `x[*]`, and it may turn out to be no instance at all.
 */
export function countUnknown(object: ModelObject): boolean {
  return object.address.includes("[*]");
}

/**
 * Whether a `kms_key_id`-like attribute names a customer-managed key: a key of the configuration, or a key id, ARN or
 * alias outside it that is not an AWS-managed `alias/aws/...`. Unknown when it could not be traced.
 */
export function customerManagedKey(link: KeyLink): ResultStatus {
  switch (link.kind) {
    case "resolved":
      return "pass";
    case "literal":
      return /(^|[:/])alias\/aws\//.test(link.text) ? "fail" : "pass";
    case "aws-managed":
    case "none":
      return "fail";
    default:
      return "unknown";
  }
}
/**
 * Whether people can assume the role: its trust policy admits an AWS account, IAM user or role (or everyone) —
 * not only AWS services or federated identity providers, whose sign-in (and MFA) the identity provider enforces.
 * "unknown" when a trusted principal is known only after apply. Used by the MFA and session-duration rules.
 */
export function assumableByHumans(role: Role): { result: Tri; principals: TrustedPrincipal[] } {
  const document = role.assumeRolePolicy.document;
  if (!document) return { result: role.assumeRolePolicy.origin === "default" ? "no" : "unknown", principals: [] };
  const principals = trustedPrincipals(document).filter((p) => p.human !== "no");
  const result = principals.some((p) => p.human === "yes") ? "yes" : principals.length > 0 ? "unknown" : "no";
  return { result, principals };
}

/** The status a three-valued "is it a violation?" answer gives. */
export function statusOfViolation(violation: Tri): ResultStatus {
  return violation === "yes" ? "fail" : violation === "no" ? "pass" : "unknown";
}

/** A PHI store of the model as policy analysis sees it: what a Resource entry may name, and its data actions. */
export interface PhiTarget {
  readonly object: ModelObject;
  readonly subject: ResourceSubject;
  /** The service whose actions reach it (`s3`, `kms`, `dynamodb`, `rds`). */
  readonly service: string;
  /** Data-plane actions that read, write or decrypt it (from the analyser's catalogue). */
  readonly dataActions: readonly string[];
}

const S3_BUCKET_DATA_ACTIONS = new Set(["s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads"]);
const dataActionsOf = (prefix: string) => DATA_PLANE_ACTIONS.filter((a) => a.startsWith(prefix));

/**
 * The PHI buckets (the bucket and its objects), keys, DynamoDB tables and databases of the model. Names known before
 * apply are used; otherwise the analyser matches references to the resource symbolically.
 */
export function phiTargets(model: AwsModel): PhiTarget[] {
  const targets: PhiTarget[] = [];
  const s3Data = dataActionsOf("s3:");
  for (const bucket of inScope("phi", model.buckets)) {
    const identity = bucketIdentity(bucket);
    targets.push({
      object: bucket,
      subject: bucketSubject(identity),
      service: "s3",
      dataActions: s3Data.filter((a) => S3_BUCKET_DATA_ACTIONS.has(a)),
    });
    targets.push({
      object: bucket,
      subject: bucketObjectsSubject(identity),
      service: "s3",
      dataActions: s3Data.filter((a) => !S3_BUCKET_DATA_ACTIONS.has(a)),
    });
  }
  for (const key of inScope("phi", model.keys)) {
    targets.push({
      object: key,
      subject: keySubject({ address: key.address }),
      service: "kms",
      dataActions: dataActionsOf("kms:"),
    });
  }
  for (const table of inScope("phi", model.dynamoTables)) {
    targets.push({
      object: table,
      subject: resourceSubject({ address: table.address }),
      service: "dynamodb",
      dataActions: dataActionsOf("dynamodb:"),
    });
  }
  for (const db of [...inScope("phi", model.dbInstances), ...inScope("phi", model.dbClusters)]) {
    targets.push({
      object: db,
      subject: resourceSubject({ address: db.address }),
      service: "rds",
      dataActions: [...dataActionsOf("rds-data:"), ...dataActionsOf("rds-db:")],
    });
  }
  return targets;
}

/**
 * Whether a statement's Resource (or NotResource) may name the target. Unlike the analyser alone, an ARN taken from
 * another kind of resource of this configuration (`${aws_cloudwatch_log_group.x.arn}`) is known not to name a
 * bucket or key, rather than being unknown text.
 */
export function touchesTarget(stmt: PolicyStatement, target: PhiTarget): Tri {
  if (!stmt.resource) return statementTouches(stmt, target.subject);
  let result: Tri = "no";
  for (const entry of stmt.resource) {
    if (otherResourceType(entry, target.subject)) continue;
    const t = resourceMatches(entry, target.subject, "some");
    if (t === "yes") return "yes";
    if (t === "unknown") result = "unknown";
  }
  return result;
}

function otherResourceType(entry: PolicyString, subject: ResourceSubject): boolean {
  const first = stringParts(entry)[0];
  if (first === undefined || typeof first === "string" || first.refs.length !== 1 || first.parts) return false;
  const ref = first.refs[0];
  const parsed = ref ? parseAddress(ref.address) : undefined;
  return (
    parsed !== undefined && !parsed.data && subject.resourceType !== undefined && parsed.type !== subject.resourceType
  );
}

/** A subject for a policy's results: the policy resource (or the role holding an inline_policy block). */
export function policySubject(model: AwsModel, policy: IdentityPolicy): Subject {
  const object = model.byAddress.get(policy.address);
  return { address: policy.address, range: policy.range, moduleCalls: object?.moduleCalls ?? [] };
}

/** `Sid`, or `#n` (1-based) for a statement without one. */
export function statementName(stmt: PolicyStatement): string {
  return stmt.sid !== undefined ? policyStringText(stmt.sid) : `#${stmt.index + 1}`;
}
