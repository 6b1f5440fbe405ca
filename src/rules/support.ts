/** Small helpers rules share: three-valued judgements over tracked leaves, scope filters, message text. */
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
