/** Small helpers rules share: three-valued judgements over tracked leaves, scope filters, message text. */
import type { Role } from "../model/aws/iam.js";
import { type Tri, type TrustedPrincipal, trustedPrincipals } from "../model/aws/policy-analysis.js";
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
