/** Small helpers rules share: three-valued judgements over tracked leaves, scope filters, message text. */
import type { KeyReference } from "../model/aws/kms.js";
import type { AwsModel } from "../model/aws/model.js";
import type { DbCluster, DbInstance } from "../model/aws/rds.js";
import type { ModelObject, Tracked } from "../model/aws/resource.js";
import type { ResultStatus, RuleScope } from "./rule.js";

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
